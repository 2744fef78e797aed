package dev.storycore.resilience;

import java.util.List;
import java.util.Objects;

/**
 * What a classifier says about one failure.
 *
 * @param category    the broad kind
 * @param severity    how bad it is
 * @param disposition what to do about it
 * @param code        a stable, documented code such as {@code NET_CONNECTION_REFUSED}
 * @param message     one human sentence naming what failed, with numbers where known
 * @param guidance    what a person can do, one line each; may be empty
 */
public record Classification(
        ErrorCategory category,
        Severity severity,
        Disposition disposition,
        String code,
        String message,
        List<String> guidance) {

    /** Checks that nothing is null and copies the guidance. */
    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        guidance = List.copyOf(guidance);
    }

    /**
     * A classification without guidance.
     *
     * @return the classification
     */
    public static Classification of(
            ErrorCategory category, Severity severity, Disposition disposition, String code, String message) {
        return new Classification(category, severity, disposition, code, message, List.of());
    }

    /**
     * Whether the disposition allows retrying the same call.
     *
     * @return {@code true} for {@link Disposition#RETRY_AS_IS}
     */
    public boolean retryableAsIs() {
        return disposition == Disposition.RETRY_AS_IS;
    }
}
