package dev.storycore.resilience;

/**
 * The root of every exception this library throws. Subtypes carry the data a caller needs (policy
 * name, attempts, remaining open time); earlier failures travel as suppressed exceptions.
 */
public class ResilienceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened
     * @param cause   the failure behind it, or {@code null}
     */
    public ResilienceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception that may skip filling in its stack trace; rejections on hot paths use this,
     * because a stack trace costs far more than the rejection itself.
     *
     * @param message            what happened
     * @param cause              the failure behind it, or {@code null}
     * @param writableStackTrace {@code false} to skip the stack trace
     */
    protected ResilienceException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, true, writableStackTrace);
    }
}
