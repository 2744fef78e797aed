package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.Precision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the built-in catalog from the {@code templates} resources: {@code catalog.json} (the
 * templates and what they serve) and {@code model-files.json} (each model's files by precision, and
 * where files are published). Not exported; stateless.
 */
final class CatalogJson {

    private static final String BASE = "templates/";

    private CatalogJson() {
    }

    static TemplateCatalog.Builder load(TemplateCatalog.Builder builder) {
        JsonNode catalog = read("catalog.json");
        catalog.path("templates").forEach(entry -> builder.add(spec(entry)));
        JsonNode files = read("model-files.json");
        files.path("models").properties().forEach(model -> builder.modelFiles(modelFiles(model.getKey(), model.getValue())));
        files.path("sources").forEach(source ->
                builder.source(source.path("prefix").asText(), source.path("where").asText()));
        return builder;
    }

    private static TemplateSpec spec(JsonNode entry) {
        String file = entry.path("file").asText();
        WorkflowTemplate template = WorkflowTemplate.parse(file, text(file));
        Set<String> models = new LinkedHashSet<>(Json.strings(entry, "models"));
        Set<Workflow> workflows = new LinkedHashSet<>();
        Json.strings(entry, "workflows").forEach(name -> workflows.add(Workflow.valueOf(name)));
        Map<String, Object> defaults = new LinkedHashMap<>();
        entry.path("defaults").properties().forEach(d -> defaults.put(d.getKey(), scalar(d.getValue())));
        return new TemplateSpec(entry.path("id").asText(), entry.path("title").asText(), template, models, workflows,
                defaults, entry.path("notes").asText(""));
    }

    private static ModelFiles modelFiles(String modelId, JsonNode node) {
        Map<String, Map<Precision, String>> values = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            Map<Precision, String> byPrecision = new EnumMap<>(Precision.class);
            for (Precision precision : Precision.values()) {
                JsonNode value = field.getValue().isObject() ? field.getValue().path(precision.name()) : field.getValue();
                if (value.isTextual()) {
                    byPrecision.put(precision, value.asText());
                }
            }
            values.put(field.getKey(), byPrecision);
        });
        return new ModelFiles(modelId, values);
    }

    private static Object scalar(JsonNode value) {
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isBoolean() ? (Object) value.booleanValue() : value.asText();
    }

    private static JsonNode read(String name) {
        return Json.parse(text(name), "resource " + BASE + name);
    }

    private static String text(String name) {
        try (InputStream in = CatalogJson.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + BASE + name, e);
        }
    }

}
