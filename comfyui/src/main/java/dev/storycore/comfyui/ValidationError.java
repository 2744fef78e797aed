package dev.storycore.comfyui;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One validation error from {@code POST /prompt}: the top-level {@code error} object, or one entry
 * of a node's {@code errors} list. Missing fields are empty strings.
 *
 * @param type      the error type, e.g. {@code value_not_in_list}, {@code missing_node_type},
 *                  {@code prompt_outputs_failed_validation}
 * @param message   the human message, e.g. {@code Value not in list}
 * @param details   the details, e.g. {@code unet_name: 'x.safetensors' not in ['y.safetensors']}
 * @param extraInfo {@code extra_info}: strings as they are, other values as JSON text, JSON nulls
 *                  left out (e.g. {@code input_name}, {@code received_value}, {@code class_type})
 */
public record ValidationError(String type, String message, String details, Map<String, String> extraInfo) {

    /** Checks for nulls and copies the map. */
    public ValidationError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
        extraInfo = Map.copyOf(extraInfo);
    }

    /**
     * One entry of {@code extra_info}.
     *
     * @param key the key, e.g. {@code input_name}
     * @return the value, or empty when absent or null
     */
    public Optional<String> extra(String key) {
        return Optional.ofNullable(extraInfo.get(key));
    }

    /**
     * A one-line rendering: {@code type: message: details}, leaving out empty parts.
     *
     * @return the line
     */
    public String summary() {
        StringBuilder line = new StringBuilder(type);
        for (String part : new String[] {message, details}) {
            if (!part.isEmpty()) {
                line.append(line.isEmpty() ? "" : ": ").append(part.replace('\n', ' '));
            }
        }
        return line.toString();
    }
}
