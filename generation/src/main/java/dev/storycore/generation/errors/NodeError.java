package dev.storycore.generation.errors;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One problem ComfyUI found with one node while validating a prompt, from a {@code /prompt} 400 body
 * ({@code node_errors.<id>.errors[]}) or from the same text in a server log.
 *
 * @param nodeId        the node id, empty when unknown
 * @param classType     the node's class type, empty when unknown
 * @param type          ComfyUI's error type, e.g. {@code value_not_in_list}
 * @param message       ComfyUI's message, e.g. {@code Value not in list}
 * @param details       ComfyUI's details
 * @param inputName     the input concerned, empty when unknown
 * @param receivedValue the value the prompt gave, empty when unknown
 * @param options       the allowed values when ComfyUI listed them
 * @param optionCount   how many values are allowed, or -1 when unknown
 */
record NodeError(
        String nodeId,
        String classType,
        String type,
        String message,
        String details,
        String inputName,
        String receivedValue,
        List<String> options,
        int optionCount) {

    private static final Pattern WEIGHTS_FILE = Pattern.compile(
            "\\.(safetensors|gguf|ckpt|pt|pth|bin|sft|onnx)$", Pattern.CASE_INSENSITIVE);

    /** Inputs that always name a model file, whatever node carries them. */
    private static final Set<String> MODEL_INPUTS = Set.of(
            "ckpt_name", "unet_name", "clip_name", "clip_name1", "clip_name2", "clip_name3", "clip_name4",
            "vae_name", "lora_name", "model_name", "control_net_name", "style_model_name", "gligen_name",
            "upscale_model", "model", "model_path", "checkpoint");

    /** Checks for nulls and copies the options. */
    NodeError {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(classType, "classType");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(receivedValue, "receivedValue");
        options = List.copyOf(options);
    }

    /**
     * Whether ComfyUI reported this error type.
     *
     * @param types error types such as {@code value_not_in_list}
     * @return {@code true} if it is one of them
     */
    boolean is(String... types) {
        for (String t : types) {
            if (type.equalsIgnoreCase(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the input selects a model file: its value is a weights file, it is one of the inputs
     * that always name a model, or a loader node's {@code *_name} input. A sampler's
     * {@code sampler_name} is not.
     *
     * @return {@code true} for a model-file input
     */
    boolean selectsModelFile() {
        if (WEIGHTS_FILE.matcher(receivedValue).find()) {
            return true;
        }
        String input = inputName.toLowerCase(Locale.ROOT);
        if (MODEL_INPUTS.contains(input)) {
            return true;
        }
        return NodeKind.of(classType) == NodeKind.LOADER && input.endsWith("_name");
    }

    /**
     * The allowed values in a few words: {@code none}, a short list, or a count.
     *
     * @return the summary, empty when ComfyUI did not say
     */
    String optionsSummary() {
        if (optionCount == 0) {
            return "none";
        }
        if (!options.isEmpty()) {
            int shown = Math.min(5, options.size());
            String list = String.join(", ", options.subList(0, shown));
            int total = Math.max(optionCount, options.size());
            return total > shown ? list + " and " + (total - shown) + " more" : list;
        }
        return optionCount > 0 ? optionCount + " choices" : "";
    }

    /**
     * One line for search: class, type, message and details together.
     *
     * @return the line
     */
    String asText() {
        return (classType + " " + nodeId).strip() + ": " + type + ": " + message
                + (details.isEmpty() ? "" : ": " + details);
    }
}
