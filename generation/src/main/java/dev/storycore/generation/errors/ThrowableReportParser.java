package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Takes apart a Java exception: walks the cause chain (guarding against cycles), keeps every class
 * for type rules, and reads the messages as text, because a backend client usually carries the
 * server's own error text or JSON payload in its exception message. Stateless and thread-safe.
 */
final class ThrowableReportParser {

    /** Deeper chains than this are wrappers around wrappers; the rest adds nothing. */
    private static final int MAX_CHAIN = 32;

    private ThrowableReportParser() {
    }

    /**
     * Parses an exception and its causes.
     *
     * @param failure the exception
     * @param modelId the model the caller named, or empty
     * @return the report taken apart
     */
    static ErrorReport parse(Throwable failure, String modelId) {
        List<Throwable> chain = chain(failure);
        List<Class<?>> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        ErrorReport payload = null;
        for (Throwable t : chain) {
            types.add(t.getClass());
            String message = t.getMessage() == null ? "" : t.getMessage();
            text.append(t.getClass().getName()).append(message.isEmpty() ? "" : ": " + message).append('\n');
            String trimmed = message.strip();
            if (payload == null && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
                payload = ComfyPayloadParser.parse(trimmed, modelId).orElse(null);
            }
        }
        if (payload != null && payload.source() != ErrorReport.Source.TEXT) {
            return ErrorReport.builder(payload.source(), payload.text() + "\n" + text)
                    .exception(payload.exceptionType(), payload.exceptionMessage())
                    .node(payload.nodeType()).errorType(payload.errorType()).nodeErrors(payload.nodeErrors())
                    .javaTypes(types).modelId(modelId).build();
        }
        ErrorReport plain = TextReportParser.parsePlain(text.toString(), ErrorReport.Source.THROWABLE, modelId);
        return plain.toBuilder().javaTypes(types).build();
    }

    /**
     * The exception and its causes, outermost first, each once.
     *
     * @param failure the exception
     * @return the chain
     */
    static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Throwable current = failure;
        while (current != null && chain.size() < MAX_CHAIN && seen.add(current)) {
            chain.add(current);
            current = current.getCause();
        }
        return chain;
    }
}
