package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure report taken apart: where it came from, the exception type and message, the ComfyUI node,
 * validation errors, the Java exception chain, and the whole text for phrase search. The rules read
 * this, never the raw input, so one rule serves text, JSON and exceptions alike. Immutable.
 */
final class ErrorReport {

    /** Where a report came from. */
    enum Source {
        /** Free text: a log, a traceback, a ComfyUI error report. */
        TEXT,
        /** A ComfyUI {@code execution_error} payload or WebSocket message. */
        EXECUTION_ERROR,
        /** A ComfyUI {@code /prompt} 400 body. */
        PROMPT_REJECTED,
        /** A ComfyUI {@code execution_interrupted} message. */
        INTERRUPTED_EVENT,
        /** A Java exception and its causes. */
        THROWABLE
    }

    /** Reports longer than this keep their head and tail: tracebacks end with the error line. */
    static final int MAX_TEXT = 200_000;

    private static final Pattern TYPE_NAME = Pattern.compile(
            "\\b((?:[A-Za-z_]\\w*\\.)*[A-Z_]\\w*?(?:Error|Exception|Interrupt|Exit|Blocked))\\b");

    private static final List<Pattern> HTTP_STATUS = List.of(
            Pattern.compile("\\b([45]\\d\\d) (?:client|server) error", Pattern.CASE_INSENSITIVE),
            // "503 Service Unavailable", and aiohttp's "400, message='Bad Request'".
            Pattern.compile("\\b([45]\\d\\d)(?:,\\s*message=['\"]?|\\s+)(?:bad gateway"
                    + "|service (?:temporarily )?unavailable|gateway time-?out|too many requests|unauthorized"
                    + "|forbidden|not found|internal server error|request time-?out|bad request"
                    + "|unprocessable (?:entity|content)|payload too large|request entity too large"
                    + "|method not allowed|unsupported media type)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bhttp(?:\\s+error|/\\d(?:\\.\\d)?|\\s+status(?:\\s+code)?|\\s+code)?[\\s:]+"
                    + "([45]\\d\\d)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:status|response)(?:[ _]?code)?\\s*[:=]?\\s*([45]\\d\\d)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\berror code:?\\s*([45]\\d\\d)\\b", Pattern.CASE_INSENSITIVE));

    private final Source source;
    private final String text;
    private final String lower;
    private final String exceptionType;
    private final String exceptionMessage;
    private final String nodeType;
    private final String errorType;
    private final List<NodeError> nodeErrors;
    private final List<Class<?>> javaTypes;
    private final String modelId;
    private final Set<String> typeNames;
    private final int httpStatus;
    private final NodeKind nodeKind;

    private ErrorReport(Builder b) {
        this.source = b.source;
        this.text = clip(b.text);
        this.lower = text.toLowerCase(Locale.ROOT);
        this.exceptionType = b.exceptionType.strip();
        this.exceptionMessage = b.exceptionMessage.strip();
        this.nodeType = b.nodeType.strip();
        this.errorType = b.errorType.strip();
        this.nodeErrors = List.copyOf(b.nodeErrors);
        this.javaTypes = List.copyOf(b.javaTypes);
        this.modelId = b.modelId.strip();
        this.typeNames = typeNames(exceptionType + "\n" + text);
        this.httpStatus = httpStatus(text);
        this.nodeKind = NodeKind.of(nodeType());
    }

    /**
     * Starts a report.
     *
     * @param source where it came from
     * @param text   everything it says, for phrase search
     * @return a builder
     */
    static Builder builder(Source source, String text) {
        return new Builder(source, text);
    }

    /** A builder holding the same values, to add to a parsed report. */
    Builder toBuilder() {
        return new Builder(source, text).exception(exceptionType, exceptionMessage).node(nodeType)
                .errorType(errorType).nodeErrors(nodeErrors).javaTypes(javaTypes).modelId(modelId);
    }

    Source source() {
        return source;
    }

    /** The whole report, original case. */
    String text() {
        return text;
    }

    /** The whole report in lower case, for phrase search. */
    String lower() {
        return lower;
    }

    /** The exception type the report names, e.g. {@code torch.OutOfMemoryError}, or empty. */
    String exceptionType() {
        return exceptionType;
    }

    /** The exception message, or empty. */
    String exceptionMessage() {
        return exceptionMessage;
    }

    /** The ComfyUI node class that failed, or empty. */
    String nodeType() {
        return nodeType.isEmpty() && !nodeErrors.isEmpty() ? nodeErrors.get(0).classType() : nodeType;
    }

    /** What the failed node does. */
    NodeKind nodeKind() {
        return nodeKind;
    }

    /** ComfyUI's error type for the whole prompt or event, e.g. {@code missing_node_type}, or empty. */
    String errorType() {
        return errorType;
    }

    /** Validation errors per node. */
    List<NodeError> nodeErrors() {
        return nodeErrors;
    }

    /** The classes of a Java exception chain, outermost first; empty for text. */
    List<Class<?>> javaTypes() {
        return javaTypes;
    }

    /** The model the caller named, or empty. */
    String modelId() {
        return modelId;
    }

    /** Simple names of every exception type mentioned, e.g. {@code OutOfMemoryError}. */
    Set<String> typeNames() {
        return typeNames;
    }

    /** The HTTP status the text states, or 0. */
    int httpStatus() {
        return httpStatus;
    }

    private static String clip(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int half = MAX_TEXT / 2;
        return text.substring(0, half) + "\n...\n" + text.substring(text.length() - half);
    }

    private static Set<String> typeNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TYPE_NAME.matcher(text);
        while (m.find()) {
            String full = m.group(1);
            names.add(full.substring(full.lastIndexOf('.') + 1));
        }
        return Set.copyOf(names);
    }

    private static int httpStatus(String text) {
        for (Pattern pattern : HTTP_STATUS) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    /** Collects a report's parts; not thread-safe, used by one parser at a time. */
    static final class Builder {
        private final Source source;
        private final String text;
        private String exceptionType = "";
        private String exceptionMessage = "";
        private String nodeType = "";
        private String errorType = "";
        private List<NodeError> nodeErrors = List.of();
        private List<Class<?>> javaTypes = List.of();
        private String modelId = "";

        private Builder(Source source, String text) {
            this.source = Objects.requireNonNull(source, "source");
            this.text = Objects.requireNonNull(text, "text");
        }

        Builder exception(String type, String message) {
            this.exceptionType = Objects.requireNonNull(type, "type");
            this.exceptionMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        Builder node(String classType) {
            this.nodeType = Objects.requireNonNull(classType, "classType");
            return this;
        }

        Builder errorType(String type) {
            this.errorType = Objects.requireNonNull(type, "type");
            return this;
        }

        Builder nodeErrors(List<NodeError> errors) {
            this.nodeErrors = new ArrayList<>(errors);
            return this;
        }

        Builder javaTypes(List<Class<?>> types) {
            this.javaTypes = new ArrayList<>(types);
            return this;
        }

        Builder modelId(String id) {
            this.modelId = Objects.requireNonNull(id, "id");
            return this;
        }

        ErrorReport build() {
            return new ErrorReport(this);
        }
    }
}
