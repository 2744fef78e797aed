package dev.storycore.generation.errors;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes apart free text: a ComfyUI "Error report" (markdown with {@code - **Node Type:**},
 * {@code - **Exception Type:**}, {@code - **Exception Message:**}), an older ComfyUI "Error occurred
 * when executing X:" block, a Python traceback ending with its error line, a server log, or anything
 * else. Text that is a JSON object goes to {@link ComfyPayloadParser}. Stateless and thread-safe.
 */
final class TextReportParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static final Pattern MD_NODE_TYPE = Pattern.compile(
            "^[\\s\\-*]*node type:\\**[ \\t]*`?([\\w.\\-]+)", FLAGS);
    private static final Pattern MD_EXCEPTION_TYPE = Pattern.compile(
            "^[\\s\\-*]*exception type:\\**[ \\t]*`?([\\w.]+)", FLAGS);
    private static final Pattern MD_EXCEPTION_MESSAGE = Pattern.compile(
            "exception message:\\**[ \\t]*(.*?)(?=\\n[ \\t]*(?:- \\*\\*|#{2,}|```)|\\z)", FLAGS | Pattern.DOTALL);
    private static final Pattern EXECUTING_NODE = Pattern.compile(
            "error occurred when executing ([\\w.\\-]+)\\s*:", FLAGS);
    /** {@code Type: message} lines; the last one in a traceback is the error that ended it. */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "^[ \\t]*((?:[A-Za-z_]\\w*\\.)*[A-Za-z_]\\w*?(?:Error|Exception|Interrupt|Exit|Blocked))"
                    + "(?::[ \\t]*(.*))?$", Pattern.MULTILINE);
    private static final Pattern COMFY_PROCESSING = Pattern.compile(
            "!!! exception during processing\\s*!!!\\s*(.*)$", FLAGS);

    private TextReportParser() {
    }

    /**
     * Parses a report.
     *
     * @param text    the report
     * @param modelId the model the caller named, or empty
     * @return the report taken apart
     */
    static ErrorReport parse(String text, String modelId) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            Optional<ErrorReport> payload = ComfyPayloadParser.parse(trimmed, modelId);
            if (payload.isPresent()) {
                return payload.get();
            }
        }
        return parsePlain(text, ErrorReport.Source.TEXT, modelId);
    }

    /**
     * Parses text that is not JSON.
     *
     * @param text    the report
     * @param source  where it came from
     * @param modelId the model the caller named, or empty
     * @return the report taken apart
     */
    static ErrorReport parsePlain(String text, ErrorReport.Source source, String modelId) {
        String clipped = text.length() > ErrorReport.MAX_TEXT ? tail(text) : text;
        ErrorReport.Builder builder = ErrorReport.builder(source, text)
                .modelId(modelId)
                .nodeErrors(ComfyValidationText.parse(clipped));
        String nodeType = firstGroup(MD_NODE_TYPE, clipped).or(() -> firstGroup(EXECUTING_NODE, clipped)).orElse("");
        builder.node(nodeType);
        Optional<String> mdType = firstGroup(MD_EXCEPTION_TYPE, clipped);
        Optional<String> mdMessage = firstGroup(MD_EXCEPTION_MESSAGE, clipped);
        if (mdType.isPresent() || mdMessage.isPresent()) {
            return builder.exception(mdType.orElse(""), mdMessage.orElse("")).build();
        }
        Matcher last = lastMatch(ERROR_LINE, clipped);
        if (last != null) {
            String message = last.group(2) == null ? "" : clipped.substring(last.start(2)).strip();
            return builder.exception(last.group(1), message).build();
        }
        Optional<String> processing = firstGroup(COMFY_PROCESSING, clipped);
        return builder.exception("", processing.orElse("")).build();
    }

    private static String tail(String text) {
        return text.substring(text.length() - ErrorReport.MAX_TEXT);
    }

    private static Optional<String> firstGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static Matcher lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        if (start < 0) {
            return null;
        }
        m.find(start);
        return m;
    }
}
