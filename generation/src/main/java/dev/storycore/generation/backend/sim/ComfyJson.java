package dev.storycore.generation.backend.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON ComfyUI sends when a prompt fails: the {@code execution_error} payload (bare, or inside
 * its WebSocket message), the {@code execution_interrupted} message and the {@code /prompt} 400 body,
 * with the field names and order of the real server. The simulated workflow's node ids are fixed:
 * loaders 37–39, prompts 6 and 7, latent 40, sampler 3, decoder 8, save 58; for upscaling, video 62,
 * upscale model 60, upscaler 61.
 */
final class ComfyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> VIDEO_ORDER = List.of("37", "38", "39", "6", "7", "40", "3", "8", "58");
    private static final List<String> UPSCALE_ORDER = List.of("62", "60", "61", "58");
    private static final Map<String, String> NODE_IDS = Map.ofEntries(Map.entry("UNETLoader", "37"),
            Map.entry("CLIPTextEncode", "6"), Map.entry("KSampler", "3"), Map.entry("VAEDecode", "8"),
            Map.entry("VAEDecodeTiled", "8"), Map.entry("SaveVideo", "58"), Map.entry("LoadVideo", "62"),
            Map.entry("UpscaleModelLoader", "60"), Map.entry("ImageUpscaleWithModel", "61"),
            Map.entry("LoadImage", "52"));

    private ComfyJson() {
    }

    static String nodeId(String nodeType) {
        return NODE_IDS.getOrDefault(nodeType, "3");
    }

    /** Ids of the nodes that ran before {@code nodeId}. */
    static List<String> executedBefore(String nodeId) {
        List<String> order = UPSCALE_ORDER.contains(nodeId) && !VIDEO_ORDER.contains(nodeId) ? UPSCALE_ORDER
                : VIDEO_ORDER;
        int index = order.indexOf(nodeId);
        return index < 0 ? List.of() : order.subList(0, index);
    }

    /**
     * An {@code execution_error}; {@code wrapped} puts it inside its WebSocket message.
     */
    static String executionError(ReportContext c, String nodeType, String exceptionType, String message,
                                 List<String> traceback, Map<String, Object> inputs, boolean wrapped) {
        String nodeId = nodeId(nodeType);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prompt_id", c.promptId());
        data.put("node_id", nodeId);
        data.put("node_type", nodeType);
        data.put("executed", executedBefore(nodeId));
        data.put("exception_message", message);
        data.put("exception_type", exceptionType);
        data.put("traceback", traceback);
        Map<String, Object> current = new LinkedHashMap<>();
        inputs.forEach((name, value) -> current.put(name, List.of(value)));
        data.put("current_inputs", current);
        data.put("current_outputs", List.of());
        data.put("timestamp", c.timestampMs());
        if (!wrapped) {
            return write(data);
        }
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("type", "execution_error");
        wrapper.put("data", data);
        return write(wrapper);
    }

    /** The broadcast after {@code POST /interrupt}. */
    static String interrupted(ReportContext c, String nodeType) {
        String nodeId = nodeId(nodeType);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prompt_id", c.promptId());
        data.put("node_id", nodeId);
        data.put("node_type", nodeType);
        data.put("executed", executedBefore(nodeId));
        data.put("timestamp", c.timestampMs());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "execution_interrupted");
        message.put("data", data);
        return write(message);
    }

    /** A {@code /prompt} 400 body for one failed input of one node. */
    static String promptRejected(String classType, String errorType, String message, String details,
                                 Map<String, Object> extraInfo) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", errorType);
        error.put("message", message);
        error.put("details", details);
        error.put("extra_info", extraInfo);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("errors", List.of(error));
        node.put("dependent_outputs", List.of("58"));
        node.put("class_type", classType);
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("type", "prompt_outputs_failed_validation");
        top.put("message", "Prompt outputs failed validation");
        top.put("details", message + ": " + details);
        top.put("extra_info", Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", top);
        body.put("node_errors", Map.of(nodeId(classType), node));
        return write(body);
    }

    /** A traceback as ComfyUI lists it: the executor's frame first, then the node's. */
    static List<String> traceback(String... frames) {
        List<String> lines = new ArrayList<>();
        lines.add("  File \"/ComfyUI/execution.py\", line 496, in execute\n");
        lines.add("  File \"/ComfyUI/execution.py\", line 315, in get_output_data\n");
        for (String frame : frames) {
            lines.add("  File " + frame + "\n");
        }
        return List.copyOf(lines);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
