package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;

/** A call ran longer than its timeout and was interrupted (sync) or cancelled (async). */
public final class TimeoutExceededException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    private final String timeoutName;
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param timeoutName the timeout policy's name
     * @param timeout     the limit that was exceeded
     */
    public TimeoutExceededException(String timeoutName, Duration timeout) {
        this(timeoutName, timeout, null);
    }

    /**
     * Creates the exception with what the call threw when it was interrupted.
     *
     * @param timeoutName the timeout policy's name
     * @param timeout     the limit that was exceeded
     * @param cause       what the interrupted call threw, or {@code null} if it returned
     */
    public TimeoutExceededException(String timeoutName, Duration timeout, Throwable cause) {
        super("Timeout '" + Objects.requireNonNull(timeoutName, "timeoutName") + "' exceeded after "
                + Objects.requireNonNull(timeout, "timeout").toMillis() + " ms", cause);
        this.timeoutName = timeoutName;
        this.timeout = timeout;
    }

    /**
     * The timeout policy's name.
     *
     * @return the name
     */
    public String timeoutName() {
        return timeoutName;
    }

    /**
     * The limit that was exceeded.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
