package dev.storycore.generation.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.GenerationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads model specs from JSON: {@code {"models": [ {...}, ... ]}} or a bare array. Every problem
 * becomes a one-line {@link GenerationException} naming the file, the model and the field.
 * Reads the tree rather than binding classes, so no package needs opening to Jackson and each
 * message can name the exact field.
 */
final class ModelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    static List<ModelSpec> parse(String json, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new GenerationException(origin + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        JsonNode models = root != null && root.isObject() ? root.get("models") : root;
        if (models == null || !models.isArray()) {
            throw new GenerationException(origin + ": expected {\"models\": [...]} or an array of models");
        }
        var specs = new ArrayList<ModelSpec>();
        var ids = new HashSet<String>();
        for (int i = 0; i < models.size(); i++) {
            ModelSpec spec = readModel(models.get(i), origin + ": model " + (i + 1));
            if (!ids.add(spec.id())) {
                throw new GenerationException(origin + ": model id '" + spec.id() + "' appears twice");
            }
            specs.add(spec);
        }
        return specs;
    }

    private static ModelSpec readModel(JsonNode node, String context) {
        if (!node.isObject()) {
            throw new GenerationException(context + ": expected an object");
        }
        var fields = new Fields(node, context);
        String id = fields.text("id", null);
        fields = new Fields(node, context + " ('" + id + "')");
        ModelFamily family = fields.enumValue("family", ModelFamily.class, null);
        boolean hunyuan = family == ModelFamily.HUNYUAN;
        var builder = ModelSpec.builder(id)
                .name(fields.text("name", id))
                .family(family)
                .variant(fields.text("variant", ""))
                .fps(fields.integer("fps", hunyuan ? 24 : 16))
                .frameRule(fields.frameRule("frameRule"))
                .sizeMultiple(fields.integer("sizeMultiple", 16))
                .defaultSteps(fields.integer("defaultSteps", 30))
                .defaultCfg(fields.number("defaultCfg", 5.0))
                .latent(fields.latent("latent"))
                .memory(fields.memory("memory"));
        int maxFrames = fields.integer("maxFrames", hunyuan ? 129 : 81);
        builder.maxFrames(maxFrames).defaultFrames(fields.integer("defaultFrames", maxFrames));
        double parameters = fields.number("parametersBillions", null);
        builder.parameters(parameters, fields.number("activeParametersBillions", parameters));
        for (JsonNode workflow : fields.array("workflows", true)) {
            builder.workflows(Fields.parseEnum(workflow, Workflow.class, fields.context() + ": workflows"));
        }
        for (JsonNode size : fields.array("nativeSizes", true)) {
            builder.nativeSizes(fields.size(size));
        }
        for (JsonNode component : fields.array("components", false)) {
            builder.component(fields.component(component));
        }
        for (JsonNode figure : fields.array("memoryFigures", false)) {
            builder.memoryFigure(fields.figure(figure));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new GenerationException(fields.context() + ": " + e.getMessage(), e);
        }
    }

    static String describe(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.toString();
    }

    static String upper(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
