package dev.storycore.comfyui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API-format ComfyUI workflow ({@code {"<id>": {"class_type", "inputs"}}}, what ComfyUI's
 * "Export (API)" writes) whose string values may hold named {@link Placeholder placeholders} such as
 * {@code {{prompt}}}, {@code {{width}}} or {@code {{seed}}}. {@link #bind} fills them in.
 *
 * <p>A string that is exactly one placeholder becomes the value itself, so {@code "{{width}}"} turns
 * into the number 832; a placeholder inside longer text is replaced by the value's text. A
 * placeholder that is neither a known {@link Placeholder} nor given a value is an error naming it,
 * and so is a known one without a value for the request.
 *
 * <p>Immutable and thread-safe: {@link #bind} and {@link #json()} return fresh trees.
 */
public final class WorkflowTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final String name;
    private final ObjectNode graph;
    private final Set<String> placeholders;
    private final Set<String> nodeClasses;

    private WorkflowTemplate(String name, ObjectNode graph) {
        this.name = name;
        this.graph = graph;
        Set<String> found = new LinkedHashSet<>();
        collect(graph, found);
        this.placeholders = Collections.unmodifiableSet(found);
        Set<String> classes = new TreeSet<>();
        graph.properties().forEach(node -> classes.add(node.getValue().path("class_type").asText()));
        this.nodeClasses = Collections.unmodifiableSet(classes);
    }

    /**
     * Reads a template from JSON text.
     *
     * @param name a name for messages, e.g. the file name
     * @param json the API-format workflow
     * @return the template
     * @throws TemplateException when the text is not JSON, is a UI-format workflow, or a node lacks
     *                           {@code class_type} or {@code inputs}
     */
    public static WorkflowTemplate parse(String name, String json) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TemplateException("workflow template '" + name + "' is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new TemplateException("workflow template '" + name + "' must be a JSON object of nodes");
        }
        if (root.has("nodes") && root.has("links")) {
            throw new TemplateException("workflow template '" + name + "' is in ComfyUI's UI format; export it in "
                    + "API format (Workflow > Export (API)) instead");
        }
        root.properties().forEach(node -> requireNode(name, node.getKey(), node.getValue()));
        return new WorkflowTemplate(name, (ObjectNode) root);
    }

    /**
     * Reads a template from a file.
     *
     * @param file an API-format workflow JSON file
     * @return the template, named after the file
     * @throws TemplateException when the file cannot be read or is not a usable template
     */
    public static WorkflowTemplate read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException("cannot read workflow template " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireNode(String name, String id, JsonNode node) {
        if (!node.isObject() || !node.path("class_type").isTextual() || node.path("class_type").asText().isBlank()) {
            throw new TemplateException("workflow template '" + name + "': node " + id + " has no class_type; "
                    + "is this an API-format workflow?");
        }
        if (!node.path("inputs").isObject()) {
            throw new TemplateException("workflow template '" + name + "': node " + id + " ("
                    + node.path("class_type").asText() + ") has no inputs object");
        }
    }

    /** @return the name given when it was read */
    public String name() {
        return name;
    }

    /**
     * The placeholder names used, in the order they first appear.
     *
     * @return an immutable set, e.g. {@code [diffusion_model, weight_dtype, prompt, ...]}
     */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The node classes the workflow uses, sorted. A template whose class types are placeholders lists
     * them unresolved.
     *
     * @return an immutable set, e.g. {@code [CLIPLoader, KSampler, ...]}
     */
    public Set<String> nodeClasses() {
        return nodeClasses;
    }

    /**
     * The workflow as written, placeholders and all.
     *
     * @return a fresh copy the caller owns
     */
    public ObjectNode json() {
        return graph.deepCopy();
    }

    /**
     * Fills in every placeholder.
     *
     * @param values placeholder name to value: a {@link String}, a {@link Number} or a {@link Boolean};
     *               names the template does not use are ignored
     * @return the bound workflow, a fresh tree the caller owns
     * @throws TemplateException naming every placeholder that is unknown, or known but without a value
     * @throws IllegalArgumentException when a value is not a string, number or boolean
     */
    public ObjectNode bind(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        checkValues(values);
        ObjectNode bound = graph.deepCopy();
        replaceIn(bound, values);
        return bound;
    }

    private void checkValues(Map<String, ?> values) {
        List<String> unknown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : placeholders) {
            if (values.get(key) == null) {
                if (Placeholder.fromKey(key).isPresent()) {
                    missing.add("{{" + key + "}} (" + Placeholder.fromKey(key).get().description() + ")");
                } else {
                    unknown.add("{{" + key + "}}");
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateException("workflow template '" + name + "' uses unknown placeholder"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + "; known placeholders: "
                    + String.join(", ", Placeholder.keys()));
        }
        if (!missing.isEmpty()) {
            throw new TemplateException("workflow template '" + name + "' needs " + String.join(", ", missing)
                    + ", which this request does not provide");
        }
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("value of placeholder " + key + " must be a string, number or "
                        + "boolean, was " + value.getClass().getName());
            }
        });
    }

    private static void replaceIn(JsonNode container, Map<String, ?> values) {
        if (container instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                JsonNode replaced = replaced(field.getValue(), values);
                if (replaced != null) {
                    field.setValue(replaced);
                }
            });
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = replaced(array.get(i), values);
                if (replaced != null) {
                    array.set(i, replaced);
                }
            }
        }
    }

    /** The replacement for a value, or null when it stays (containers are changed in place). */
    private static JsonNode replaced(JsonNode value, Map<String, ?> values) {
        if (!value.isTextual()) {
            replaceIn(value, values);
            return null;
        }
        String text = value.textValue();
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return Json.MAPPER.valueToTree(values.get(whole.group(1)));
        }
        Matcher inner = PLACEHOLDER.matcher(text);
        if (!inner.find()) {
            return null;
        }
        return Json.MAPPER.getNodeFactory().textNode(inner.replaceAll(match ->
                Matcher.quoteReplacement(String.valueOf(values.get(match.group(1))))));
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.textValue());
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        } else {
            node.forEach(child -> collect(child, found));
        }
    }

    @Override
    public String toString() {
        return "WorkflowTemplate[" + name + ", " + graph.size() + " nodes]";
    }
}
