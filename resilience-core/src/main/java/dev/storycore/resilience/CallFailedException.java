package dev.storycore.resilience;

import java.util.Objects;

/**
 * Carries a checked exception out of a policy's {@code execute}. Unchecked exceptions and errors are
 * rethrown as they are; only checked ones are wrapped, so {@link #getCause()} is always the original.
 */
public final class CallFailedException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps a checked exception.
     *
     * @param cause the checked exception the call threw
     */
    public CallFailedException(Throwable cause) {
        super(Objects.requireNonNull(cause, "cause").toString(), cause);
    }

    /**
     * Rethrows a failure: errors and unchecked exceptions as they are, checked ones wrapped.
     *
     * @param failure the failure
     * @return never returns; declared so callers can write {@code throw CallFailedException.rethrow(e)}
     */
    public static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        throw new CallFailedException(failure);
    }
}
