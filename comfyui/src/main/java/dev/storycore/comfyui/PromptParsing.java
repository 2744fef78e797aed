package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the answers of {@code POST /prompt}. Not exported; stateless. */
final class PromptParsing {

    private PromptParsing() {
    }

    /** Reads a 200 answer. */
    static PromptAccepted accepted(JsonNode root, String endpoint) {
        String promptId = Json.text(root, "prompt_id");
        if (promptId.isEmpty()) {
            throw new ComfyUiProtocolException(endpoint + ": answer has no prompt_id: " + Transport.snippet(root.toString()));
        }
        return new PromptAccepted(promptId, root.path("number").asDouble(0), nodeErrors(root.path("node_errors")));
    }

    /** Reads a 400 answer; {@code raw} is kept as received. */
    static PromptError rejected(JsonNode root, String raw) {
        JsonNode error = root.path("error");
        ValidationError top = error.isObject()
                ? validationError(error)
                : new ValidationError("invalid_prompt", error.isMissingNode() ? "" : Json.scalarOrJson(error), "", Map.of());
        return new PromptError(top, nodeErrors(root.path("node_errors")), raw);
    }

    /** Reads {@code node_errors}; older builds sent an empty list instead of an object. */
    static Map<String, NodeError> nodeErrors(JsonNode object) {
        Map<String, NodeError> out = new LinkedHashMap<>();
        if (!object.isObject()) {
            return out;
        }
        object.properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            List<ValidationError> errors = new ArrayList<>();
            node.path("errors").forEach(e -> errors.add(validationError(e)));
            out.put(entry.getKey(), new NodeError(entry.getKey(), Json.text(node, "class_type"), errors,
                    Json.strings(node, "dependent_outputs")));
        });
        return out;
    }

    private static ValidationError validationError(JsonNode node) {
        return new ValidationError(Json.text(node, "type"), Json.text(node, "message"), Json.text(node, "details"),
                Json.stringMap(node.path("extra_info")));
    }
}
