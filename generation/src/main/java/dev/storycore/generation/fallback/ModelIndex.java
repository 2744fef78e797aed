package dev.storycore.generation.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A diffusers {@code model_index.json}: the pipeline class, the diffusers version, each component as
 * {@code [library, class]} (or {@code [null, null]} for an optional one left out), and any other
 * top-level keys, such as Wan 2.2's {@code boundary_ratio} and {@code expand_timesteps}. Immutable.
 *
 * @param pipelineClass    {@code _class_name}, e.g. {@code WanPipeline}; empty when absent
 * @param diffusersVersion {@code _diffusers_version}; empty when absent
 * @param components       the components in file order
 * @param extras           other keys, each value as compact JSON text (e.g. {@code 0.875}, {@code null})
 */
public record ModelIndex(String pipelineClass, String diffusersVersion, List<Entry> components,
                         Map<String, String> extras) {

    /** Checks that nothing is null and copies the collections, keeping their order. */
    public ModelIndex {
        Objects.requireNonNull(pipelineClass, "pipelineClass");
        Objects.requireNonNull(diffusersVersion, "diffusersVersion");
        components = List.copyOf(components);
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * One component entry.
     *
     * @param name      the component and its subfolder, e.g. {@code text_encoder}
     * @param library   e.g. {@code transformers}; empty for {@code [null, null]}
     * @param className e.g. {@code UMT5EncoderModel}; empty for {@code [null, null]}
     */
    public record Entry(String name, String library, String className) {

        /** Checks that nothing is null. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(className, "className");
        }

        /**
         * Whether the index names a class, rather than declaring the component absent with nulls.
         *
         * @return false for {@code [null, null]}
         */
        public boolean declared() {
            return !className.isEmpty();
        }
    }

    /**
     * Parses the text of a {@code model_index.json}. A value that is a two-element array of strings
     * or nulls is a component; keys starting with {@code _} other than the class and version are
     * ignored; everything else is an extra.
     *
     * @param json the file's text
     * @return the index
     * @throws GenerationException when the text is not a JSON object, with a one-line reason
     */
    public static ModelIndex parse(String json) {
        Objects.requireNonNull(json, "json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            return of(Json.parse(bytes, bytes.length));
        } catch (JsonProcessingException e) {
            throw new GenerationException("model_index.json is not valid JSON: " + Json.describe(e));
        } catch (IOException e) {
            throw new GenerationException("model_index.json could not be parsed: " + e.getMessage());
        }
    }

    static ModelIndex of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new GenerationException("model_index.json is not a JSON object");
        }
        List<Entry> components = new ArrayList<>();
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (isComponent(value)) {
                components.add(new Entry(key, text(value.get(0)), text(value.get(1))));
            } else if (!key.startsWith("_")) {
                extras.put(key, value.toString());
            }
        }
        return new ModelIndex(text(root.get("_class_name")), text(root.get("_diffusers_version")), components,
                extras);
    }

    /**
     * A component entry by name.
     *
     * @param name the component name
     * @return the entry, or empty when the index does not list it
     */
    public Optional<Entry> component(String name) {
        return components.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * Wan 2.2's {@code boundary_ratio}: where the high-noise expert hands over to the low-noise one.
     *
     * @return the ratio, or empty when absent or {@code null}
     */
    public OptionalDouble boundaryRatio() {
        String raw = extras.get("boundary_ratio");
        if (raw == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(raw));
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    private static boolean isComponent(JsonNode value) {
        return value.isArray() && value.size() == 2
                && (value.get(0).isTextual() || value.get(0).isNull())
                && (value.get(1).isTextual() || value.get(1).isNull());
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : "";
    }
}
