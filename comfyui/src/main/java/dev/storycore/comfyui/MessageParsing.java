package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ComfyUI's WebSocket messages ({@code {"type", "data"}}) and the {@code [type, data]} pairs a
 * history entry records. Types this client does not use ({@code progress_state},
 * {@code feature_flags}, custom nodes' messages) read as empty. Not exported; stateless.
 */
final class MessageParsing {

    private MessageParsing() {
    }

    /** Reads one text frame; empty for types not used here. */
    static Optional<ExecutionEvent> message(String json) {
        JsonNode root = Json.parse(json, "WebSocket message");
        return event(Json.text(root, "type"), root.path("data"));
    }

    /** Reads one message given its type and data. */
    static Optional<ExecutionEvent> event(String type, JsonNode data) {
        String promptId = Json.text(data, "prompt_id");
        return Optional.ofNullable(switch (type) {
            case "status" -> new ExecutionEvent.Status(
                    data.path("status").path("exec_info").path("queue_remaining").asInt(0));
            case "execution_start" -> new ExecutionEvent.Started(promptId);
            case "execution_cached" -> new ExecutionEvent.Cached(promptId, Json.strings(data, "nodes"));
            case "executing" -> executing(data, promptId);
            case "progress" -> new ExecutionEvent.Progress(promptId, Json.text(data, "node"),
                    Json.longValue(data, "value"), Json.longValue(data, "max"));
            case "executed" -> new ExecutionEvent.Executed(promptId, Json.text(data, "node"),
                    HistoryParsing.files(data.path("output")));
            case "execution_success" -> new ExecutionEvent.Succeeded(promptId);
            case "execution_error" -> new ExecutionEvent.Failed(error(data));
            case "execution_interrupted" -> new ExecutionEvent.Interrupted(promptId, Json.text(data, "node_id"),
                    Json.text(data, "node_type"), Json.strings(data, "executed"));
            default -> null;
        });
    }

    /** Reads {@code execution_error} data, keeping it raw as well. */
    static ExecutionError error(JsonNode data) {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        data.path("current_inputs").properties().forEach(entry -> inputs.put(entry.getKey(),
                entry.getValue().isArray() ? Json.strings(entry.getValue()) : List.of(Json.scalarOrJson(entry.getValue()))));
        return new ExecutionError(Json.text(data, "prompt_id"), Json.text(data, "node_id"), Json.text(data, "node_type"),
                Json.strings(data, "executed"), Json.text(data, "exception_message"), Json.text(data, "exception_type"),
                Json.strings(data, "traceback"), inputs, Json.strings(data, "current_outputs"),
                Json.longValue(data, "timestamp"), Json.write(data));
    }

    /** {@code executing}: a node started, or (node null) the prompt is done. */
    private static ExecutionEvent executing(JsonNode data, String promptId) {
        JsonNode node = data.path("node");
        if (node.isNull()) {
            return new ExecutionEvent.Finished(promptId);
        }
        return node.isMissingNode() ? null : new ExecutionEvent.Executing(promptId, Json.scalarOrJson(node));
    }

    /** The prompt an event is about; empty for events that concern the whole server. */
    static String promptIdOf(ExecutionEvent event) {
        return switch (event) {
            case ExecutionEvent.Queued e -> e.promptId();
            case ExecutionEvent.Status e -> "";
            case ExecutionEvent.Started e -> e.promptId();
            case ExecutionEvent.Cached e -> e.promptId();
            case ExecutionEvent.Executing e -> e.promptId();
            case ExecutionEvent.Progress e -> e.promptId();
            case ExecutionEvent.Executed e -> e.promptId();
            case ExecutionEvent.Succeeded e -> e.promptId();
            case ExecutionEvent.Finished e -> e.promptId();
            case ExecutionEvent.Failed e -> e.error().promptId();
            case ExecutionEvent.Interrupted e -> e.promptId();
            case ExecutionEvent.SocketSilent e -> e.promptId();
            case ExecutionEvent.SocketLost e -> e.promptId();
            case ExecutionEvent.SocketReconnected e -> e.promptId();
            case ExecutionEvent.StillQueued e -> e.promptId();
        };
    }
}
