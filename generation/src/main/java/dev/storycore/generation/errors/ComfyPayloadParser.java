package dev.storycore.generation.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Takes apart the JSON that ComfyUI sends when something fails: an {@code execution_error} payload,
 * the WebSocket message around it ({@code {"type":"execution_error","data":{...}}}), a history entry
 * holding it in {@code status.messages}, an {@code execution_interrupted} message, or a {@code /prompt}
 * 400 body ({@code {"error":{...},"node_errors":{...}}}). Any other JSON is read as the text of its
 * string values. Stateless and thread-safe.
 */
final class ComfyPayloadParser {

    /** Lenient about raw line breaks in strings, which hand-pasted payloads often have. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final int MAX_DEPTH = 12;

    private ComfyPayloadParser() {
    }

    /**
     * Parses a JSON payload.
     *
     * @param json    the JSON text
     * @param modelId the model the caller named, or empty
     * @return the report, or empty if the text is not JSON
     */
    static Optional<ErrorReport> parse(String json, String modelId) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            return Optional.empty();
        }
        JsonNode execution = find(root, n -> n.has("exception_message") || n.has("exception_type"));
        if (execution != null) {
            return Optional.of(executionError(execution, modelId));
        }
        JsonNode rejected = find(root, n -> n.has("node_errors") || n.path("error").isObject());
        if (rejected != null) {
            return Optional.of(promptRejected(rejected, modelId));
        }
        JsonNode interrupted = find(root, n -> "execution_interrupted".equals(n.path("type").asText()));
        if (interrupted != null || mentions(root, "execution_interrupted")) {
            JsonNode data = interrupted == null ? root : interrupted.path("data");
            return Optional.of(ErrorReport.builder(ErrorReport.Source.INTERRUPTED_EVENT, json)
                    .node(data.path("node_type").asText("")).errorType("execution_interrupted")
                    .modelId(modelId).build());
        }
        return Optional.of(TextReportParser.parsePlain(String.join("\n", strings(root)), ErrorReport.Source.TEXT,
                modelId));
    }

    private static ErrorReport executionError(JsonNode payload, String modelId) {
        String type = payload.path("exception_type").asText("");
        String message = payload.path("exception_message").asText("");
        String node = payload.path("node_type").asText(payload.path("class_type").asText(""));
        StringBuilder text = new StringBuilder();
        text.append(type.isEmpty() ? "" : type + ": ").append(message);
        if (!node.isEmpty()) {
            text.append("\nNode type: ").append(node);
        }
        for (JsonNode line : payload.path("traceback")) {
            text.append('\n').append(line.asText(""));
        }
        return ErrorReport.builder(ErrorReport.Source.EXECUTION_ERROR, text.toString())
                .exception(type, message).node(node).errorType("execution_error").modelId(modelId).build();
    }

    private static ErrorReport promptRejected(JsonNode body, String modelId) {
        JsonNode error = body.path("error");
        String type = error.isTextual() ? error.asText() : error.path("type").asText("");
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        String details = error.path("details").asText("");
        List<NodeError> nodeErrors = nodeErrors(body.path("node_errors"));
        StringBuilder text = new StringBuilder(type).append(": ").append(message);
        if (!details.isEmpty()) {
            text.append('\n').append(details);
        }
        nodeErrors.forEach(e -> text.append('\n').append(e.asText()));
        String node = error.path("extra_info").path("class_type").asText("");
        return ErrorReport.builder(ErrorReport.Source.PROMPT_REJECTED, text.toString())
                .exception("", message).errorType(type).node(node).nodeErrors(nodeErrors).modelId(modelId).build();
    }

    private static List<NodeError> nodeErrors(JsonNode nodes) {
        List<NodeError> errors = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = nodes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> node = fields.next();
            String classType = node.getValue().path("class_type").asText("");
            for (JsonNode e : node.getValue().path("errors")) {
                errors.add(nodeError(node.getKey(), classType, e));
            }
        }
        return errors;
    }

    private static NodeError nodeError(String nodeId, String classType, JsonNode e) {
        JsonNode extra = e.path("extra_info");
        String details = e.path("details").asText("");
        String input = extra.path("input_name").asText("");
        String value = extra.path("received_value").asText("");
        NodeError fromDetails = ComfyValidationText.parse(e.path("message").asText("") + ": " + details).stream()
                .findFirst().orElse(null);
        if (fromDetails != null) {
            input = input.isEmpty() ? fromDetails.inputName() : input;
            value = value.isEmpty() ? fromDetails.receivedValue() : value;
        }
        List<String> options = options(extra.path("input_config"));
        if (options.isEmpty() && fromDetails != null) {
            options = fromDetails.options();
        }
        int count = !options.isEmpty() ? options.size() : fromDetails != null ? fromDetails.optionCount() : -1;
        return new NodeError(nodeId, classType, e.path("type").asText(""), e.path("message").asText(""), details,
                input, value, options, count);
    }

    /** Combo options: {@code [["a","b"], {...}]} in most builds, {@code ["COMBO", {"options": [...]}]} in newer. */
    private static List<String> options(JsonNode config) {
        JsonNode list = config.path(0).isArray() ? config.path(0) : config.path(1).path("options");
        List<String> options = new ArrayList<>();
        for (JsonNode option : list) {
            options.add(option.asText(""));
        }
        return options;
    }

    /** The first object, breadth first, that passes the test. */
    private static JsonNode find(JsonNode root, Predicate<JsonNode> test) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        queue.add(root);
        depths.add(0);
        while (!queue.isEmpty()) {
            JsonNode node = queue.poll();
            int depth = depths.poll();
            if (node.isObject() && test.test(node)) {
                return node;
            }
            if (depth < MAX_DEPTH && node.isContainerNode()) {
                node.elements().forEachRemaining(child -> {
                    queue.add(child);
                    depths.add(depth + 1);
                });
            }
        }
        return null;
    }

    private static boolean mentions(JsonNode root, String value) {
        return strings(root).contains(value);
    }

    private static List<String> strings(JsonNode root) {
        List<String> out = new ArrayList<>();
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty() && out.size() < 10_000) {
            JsonNode node = stack.pop();
            if (node.isValueNode()) {
                out.add(node.asText());
            } else {
                List<JsonNode> children = new ArrayList<>();
                node.elements().forEachRemaining(children::add);
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
        }
        return out;
    }
}
