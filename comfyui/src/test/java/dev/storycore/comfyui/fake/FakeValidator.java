package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates a workflow the way ComfyUI's {@code validate_prompt} does, as far as the fake needs: node
 * classes must exist ({@code missing_node_type}), there must be an output node
 * ({@code prompt_no_outputs}), and list inputs must hold a listed value ({@code value_not_in_list},
 * reported as {@code prompt_outputs_failed_validation}). Produces ComfyUI's 400 bodies.
 */
final class FakeValidator {

    private final ObjectMapper json;
    private final JsonNode objectInfo;

    FakeValidator(ObjectMapper json, JsonNode objectInfo) {
        this.json = json;
        this.objectInfo = objectInfo;
    }

    /** The 400 body, or empty when the workflow is valid. */
    Optional<ObjectNode> validate(JsonNode prompt) {
        List<String> outputs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : prompt.properties()) {
            String classType = node.getValue().path("class_type").asText("");
            if (!objectInfo.has(classType)) {
                return Optional.of(missingNode(node.getKey(), node.getValue(), classType));
            }
            if (objectInfo.path(classType).path("output_node").asBoolean(false)) {
                outputs.add(node.getKey());
            }
        }
        if (outputs.isEmpty()) {
            return Optional.of(body(error("prompt_no_outputs", "Prompt has no outputs", "", json.createObjectNode()),
                    json.createObjectNode()));
        }
        ObjectNode nodeErrors = json.createObjectNode();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : prompt.properties()) {
            ArrayNode errors = inputErrors(node.getValue(), lines);
            if (!errors.isEmpty()) {
                ObjectNode entry = nodeErrors.putObject(node.getKey());
                entry.set("errors", errors);
                ArrayNode dependent = entry.putArray("dependent_outputs");
                outputs.forEach(dependent::add);
                entry.put("class_type", node.getValue().path("class_type").asText());
            }
        }
        if (nodeErrors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(error("prompt_outputs_failed_validation", "Prompt outputs failed validation",
                String.join("\n", lines), json.createObjectNode()), nodeErrors));
    }

    private ArrayNode inputErrors(JsonNode node, List<String> lines) {
        ArrayNode errors = json.createArrayNode();
        JsonNode required = objectInfo.path(node.path("class_type").asText()).path("input").path("required");
        node.path("inputs").properties().forEach(input -> {
            JsonNode spec = required.path(input.getKey()).path(0);
            JsonNode value = input.getValue();
            if (!spec.isArray() || value.isArray()) {
                return;
            }
            List<String> options = new ArrayList<>();
            spec.forEach(option -> options.add(option.asText()));
            if (!options.contains(value.asText())) {
                String listInfo = options.size() > 20 ? "(list of length " + options.size() + ")" : pythonList(options);
                String details = input.getKey() + ": '" + value.asText() + "' not in " + listInfo;
                ObjectNode extra = json.createObjectNode();
                extra.put("input_name", input.getKey());
                extra.set("input_config", required.path(input.getKey()));
                extra.set("received_value", value);
                errors.add(error("value_not_in_list", "Value not in list", details, extra));
                lines.add("Value not in list: " + details);
            }
        });
        return errors;
    }

    private ObjectNode missingNode(String id, JsonNode node, String classType) {
        String title = node.path("_meta").path("title").asText(classType);
        ObjectNode extra = json.createObjectNode();
        extra.put("node_id", id);
        extra.put("class_type", classType);
        extra.put("node_title", title);
        return body(error("missing_node_type", "Node '" + title + "' not found. The custom node may not be installed.",
                "Node ID '#" + id + "'", extra), json.createObjectNode());
    }

    private ObjectNode error(String type, String message, String details, ObjectNode extra) {
        ObjectNode error = json.createObjectNode();
        error.put("type", type);
        error.put("message", message);
        error.put("details", details);
        error.set("extra_info", extra);
        return error;
    }

    private ObjectNode body(ObjectNode error, ObjectNode nodeErrors) {
        ObjectNode body = json.createObjectNode();
        body.set("error", error);
        body.set("node_errors", nodeErrors);
        return body;
    }

    private static String pythonList(List<String> options) {
        return options.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
