package dev.storycore.resilience;

/**
 * Maps a failure to a {@link Classification}. Pluggable: the generation module ships one that reads
 * GPU and ComfyUI errors; {@link #defaults()} knows the JDK's own exceptions.
 *
 * <p>Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface ErrorClassifier {

    /**
     * Classifies a failure.
     *
     * @param failure the failure, never {@code null}
     * @return its classification, never {@code null}
     */
    Classification classify(Throwable failure);

    /**
     * The built-in classifier: I/O, connection and timeout exceptions are network failures to retry
     * as is; {@link OutOfMemoryError} is memory to adjust; argument and state exceptions are validation
     * not to retry; interrupts are workflow not to retry; anything else is unknown, not retried.
     *
     * @return the shared default classifier
     */
    static ErrorClassifier defaults() {
        return DefaultErrorClassifier.INSTANCE;
    }
}
