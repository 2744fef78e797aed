package dev.storycore.generation.errors;

import java.util.Map;

/**
 * Fills message templates. {@code {name}} is replaced by a value; a part in square brackets is kept
 * only if every placeholder in it has a value, so one template serves reports that state the numbers
 * and reports that do not:
 * <pre>
 * "GPU out of memory[ running {model}][: tried to allocate {requested}]."
 * </pre>
 * gives "GPU out of memory running wan2.1-t2v-14b: tried to allocate 2.50 GiB." or "GPU out of memory."
 * A placeholder outside brackets with no value becomes "unknown". Brackets do not nest. Stateless and
 * thread-safe.
 */
final class MessageTemplate {

    private MessageTemplate() {
    }

    /**
     * Fills a template.
     *
     * @param template the template
     * @param values   the placeholder values; blank values count as missing
     * @return the text, stripped; empty if nothing was left
     */
    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '[') {
                int end = template.indexOf(']', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in template: " + template);
                }
                String part = fill(template.substring(i + 1, end), values, false);
                if (part != null) {
                    out.append(part);
                }
                i = end + 1;
            } else {
                int end = template.indexOf('[', i);
                end = end < 0 ? template.length() : end;
                out.append(fill(template.substring(i, end), values, true));
                i = end;
            }
        }
        return tidy(out.toString().strip());
    }

    /** A value ending a sentence may bring its own full stop; keep one (but leave an ellipsis alone). */
    private static String tidy(String text) {
        if (text.endsWith("..") && !text.endsWith("...")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** Fills placeholders; returns null when one is missing and {@code lenient} is false. */
    private static String fill(String text, Map<String, String> values, boolean lenient) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = text.indexOf('}', open + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed { in template: " + text);
            }
            out.append(text, i, open);
            String value = values.get(text.substring(open + 1, close));
            if (value == null || value.isBlank()) {
                if (!lenient) {
                    return null;
                }
                value = "unknown";
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }
}
