package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code GET /history/{id}}, {@code GET /queue} and node output dictionaries. Not exported; stateless. */
final class HistoryParsing {

    private HistoryParsing() {
    }

    /** Reads the entry of one prompt; empty when the server does not have it (yet). */
    static Optional<HistoryEntry> entry(JsonNode root, String promptId) {
        JsonNode entry = root.path(promptId);
        if (!entry.isObject()) {
            return Optional.empty();
        }
        JsonNode status = entry.path("status");
        String statusStr = status.isObject() ? Json.text(status, "status_str") : "success";
        boolean completed = status.isObject() ? status.path("completed").asBoolean(false) : true;
        List<ExecutionEvent> messages = new ArrayList<>();
        status.path("messages").forEach(pair -> {
            if (pair.isArray() && pair.size() == 2) {
                MessageParsing.event(pair.get(0).asText(), pair.get(1)).ifPresent(messages::add);
            }
        });
        return Optional.of(new HistoryEntry(promptId, outputs(entry.path("outputs")), statusStr.isEmpty() ? "success"
                : statusStr, completed, messages));
    }

    /** Reads {@code outputs}: node id to its UI dictionary. */
    static Map<String, List<OutputFile>> outputs(JsonNode outputs) {
        Map<String, List<OutputFile>> out = new LinkedHashMap<>();
        if (outputs.isObject()) {
            outputs.properties().forEach(node -> out.put(node.getKey(), files(node.getValue())));
        }
        return out;
    }

    /**
     * Reads the files of one node's UI dictionary: every list (under {@code images}, {@code gifs},
     * {@code videos}, {@code audio}, ...) of objects with a {@code filename}.
     */
    static List<OutputFile> files(JsonNode ui) {
        List<OutputFile> files = new ArrayList<>();
        if (!ui.isObject()) {
            return files;
        }
        ui.properties().forEach(entry -> entry.getValue().forEach(item -> {
            if (item.isObject() && item.path("filename").isTextual()) {
                String type = Json.text(item, "type");
                files.add(new OutputFile(item.path("filename").textValue(), Json.text(item, "subfolder"),
                        type.isEmpty() ? FolderType.OUTPUT : FolderType.fromWire(type), entry.getKey()));
            }
        }));
        return files;
    }

    /** Reads {@code GET /queue}: tuples whose first two elements are number and prompt id. */
    static QueueState queue(JsonNode root) {
        return new QueueState(items(root.path("queue_running")), items(root.path("queue_pending")));
    }

    private static List<QueueState.Item> items(JsonNode array) {
        List<QueueState.Item> items = new ArrayList<>();
        array.forEach(tuple -> {
            if (tuple.isArray() && tuple.size() >= 2 && tuple.get(1).isTextual()) {
                items.add(new QueueState.Item(tuple.get(0).asDouble(0), tuple.get(1).textValue()));
            }
        });
        return items;
    }
}
