package dev.storycore.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The JDK-aware default classifier. Stateless and thread-safe. */
enum DefaultErrorClassifier implements ErrorClassifier {
    INSTANCE;

    @Override
    public Classification classify(Throwable failure) {
        Throwable error = unwrap(failure);
        String text = String.valueOf(error.getMessage());
        return switch (error) {
            case SocketTimeoutException e -> network("NET_TIMEOUT", "Timed out talking to a peer: " + text);
            case ConnectException e -> network("NET_CONNECTION_REFUSED", "Connection failed: " + text);
            case UnknownHostException e -> network("NET_UNKNOWN_HOST", "Unknown host: " + text);
            case InterruptedIOException e -> network("NET_TIMEOUT", "I/O interrupted or timed out: " + text);
            case IOException e -> network("NET_IO", "I/O failure: " + text);
            case UncheckedIOException e -> network("NET_IO", "I/O failure: " + text);
            case TimeoutException e -> network("TIMEOUT", "Timed out: " + text);
            case TimeoutExceededException e -> network("TIMEOUT", e.getMessage());
            case OutOfMemoryError e -> Classification.of(ErrorCategory.MEMORY, Severity.HIGH,
                    Disposition.ADJUST_AND_RETRY, "MEMORY_EXHAUSTED", "Out of memory: " + text);
            case IllegalArgumentException e -> Classification.of(ErrorCategory.VALIDATION, Severity.MEDIUM,
                    Disposition.DO_NOT_RETRY, "INVALID_ARGUMENT", "Invalid argument: " + text);
            case InterruptedException e -> interrupted(text);
            case CancellationException e -> interrupted(text);
            case CallNotPermittedException e -> Classification.of(ErrorCategory.SYSTEM, Severity.MEDIUM,
                    Disposition.DO_NOT_RETRY, "CALL_NOT_PERMITTED", e.getMessage());
            default -> Classification.of(ErrorCategory.UNKNOWN, Severity.MEDIUM, Disposition.DO_NOT_RETRY,
                    "UNKNOWN", error.getClass().getSimpleName() + ": " + text);
        };
    }

    private static Classification network(String code, String message) {
        return Classification.of(ErrorCategory.NETWORK, Severity.LOW, Disposition.RETRY_AS_IS, code, message);
    }

    private static Classification interrupted(String text) {
        return Classification.of(ErrorCategory.WORKFLOW, Severity.MEDIUM, Disposition.DO_NOT_RETRY,
                "INTERRUPTED", "Interrupted: " + text);
    }

    /** Looks through the wrappers that carry no meaning of their own. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CallFailedException || current instanceof RetriesExhaustedException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
