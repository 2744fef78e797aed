package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ComfyUI prompt-validation errors in plain text, as the server log and the web UI print them:
 * <pre>
 * Failed to validate prompt for output 9:
 * * UNETLoader 37:
 *   - Value not in list: unet_name: 'a.safetensors' not in ['b.safetensors']
 * </pre>
 * The errors come out as {@link NodeError}s, so the rules treat text and {@code /prompt} JSON alike.
 * Stateless and thread-safe.
 */
final class ComfyValidationText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static final Pattern NOT_IN_LIST = Pattern.compile(
            "value not in list:?\\s*([\\w.\\-]+)\\s*:\\s*'((?:[^'\\\\\\n]|\\\\.)*)'\\s*not in\\s*"
                    + "(\\[[^\\]]*\\]|\\(list of length (\\d+)\\))", FLAGS);
    private static final Pattern OUT_OF_RANGE = Pattern.compile(
            "value\\s+(\\S+)\\s+(smaller|bigger|greater|less)\\s+than\\s+(min|max)\\s+of\\s+(\\S+?)"
                    + "\\s*:\\s*([\\w.\\-]+)", FLAGS);
    private static final Pattern BAD_TYPE = Pattern.compile(
            "failed to convert an input value to an? (\\w+) value:?\\s*([\\w.\\-]*)", FLAGS);
    private static final Pattern REQUIRED = Pattern.compile("required input is missing:?\\s*([\\w.\\-]*)", FLAGS);
    private static final Pattern BAD_IMAGE = Pattern.compile("invalid (?:image|video) file:?\\s*(\\S*)", FLAGS);
    /** The node header a log prints above its errors: {@code * UNETLoader 37:} or {@code UNETLoader:}. */
    private static final Pattern NODE_HEADER = Pattern.compile(
            "^[ \\t]*(?:\\*[ \\t]*)?([A-Za-z_][\\w\\-]*)(?:[ \\t]+(\\d+))?[ \\t]*:[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ComfyValidationText() {
    }

    /**
     * Finds the validation errors in a text.
     *
     * @param text the text
     * @return the errors found, in order; empty if none
     */
    static List<NodeError> parse(String text) {
        List<NodeError> errors = new ArrayList<>();
        Matcher m = NOT_IN_LIST.matcher(text);
        while (m.find()) {
            List<String> options = m.group(4) == null ? quoted(m.group(3)) : List.of();
            int count = m.group(4) == null ? options.size() : Integer.parseInt(m.group(4));
            errors.add(error(text, m.start(), "value_not_in_list", "Value not in list",
                    m.group(1) + ": '" + m.group(2) + "' not in " + m.group(3), m.group(1), m.group(2), options,
                    count));
        }
        m = OUT_OF_RANGE.matcher(text);
        while (m.find()) {
            boolean tooSmall = m.group(3).equalsIgnoreCase("min");
            String type = tooSmall ? "value_smaller_than_min" : "value_bigger_than_max";
            errors.add(error(text, m.start(), type, m.group().strip(), "", m.group(5), m.group(1), List.of(), -1));
        }
        m = BAD_TYPE.matcher(text);
        while (m.find()) {
            errors.add(error(text, m.start(), "invalid_input_type", m.group().strip(), "", m.group(2), "", List.of(),
                    -1));
        }
        m = REQUIRED.matcher(text);
        while (m.find()) {
            errors.add(error(text, m.start(), "required_input_missing", "Required input is missing", m.group(1),
                    m.group(1), "", List.of(), -1));
        }
        m = BAD_IMAGE.matcher(text);
        while (m.find()) {
            errors.add(error(text, m.start(), "custom_validation_failed", m.group().strip(), "", "image",
                    m.group(1), List.of(), -1));
        }
        return errors;
    }

    private static NodeError error(String text, int at, String type, String message, String details, String input,
            String value, List<String> options, int count) {
        String classType = "";
        String nodeId = "";
        Matcher header = NODE_HEADER.matcher(text.substring(0, at));
        while (header.find()) {
            classType = header.group(1);
            nodeId = header.group(2) == null ? "" : header.group(2);
        }
        return new NodeError(nodeId, classType, type, message, details, input, value, options, count);
    }

    private static List<String> quoted(String list) {
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }
}
