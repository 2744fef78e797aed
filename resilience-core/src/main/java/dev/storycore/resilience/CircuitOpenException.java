package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;

/** A circuit breaker refused the call because it is open (or half-open with no probe permits left). */
public final class CircuitOpenException extends CallNotPermittedException {

    private static final long serialVersionUID = 1L;

    private final Duration remainingOpen;

    /**
     * Creates the rejection.
     *
     * @param breakerName        the breaker's name
     * @param remainingOpen      how long until the breaker lets a probe through; zero when half-open
     * @param writableStackTrace {@code false} to skip the stack trace
     */
    public CircuitOpenException(String breakerName, Duration remainingOpen, boolean writableStackTrace) {
        super(breakerName, "Circuit breaker '" + breakerName + "' is open; next probe in "
                + Objects.requireNonNull(remainingOpen, "remainingOpen").toMillis() + " ms", writableStackTrace);
        this.remainingOpen = remainingOpen;
    }

    /**
     * How long until the breaker lets a probe call through; zero when it is half-open and its probes
     * are taken.
     *
     * @return the remaining open time
     */
    public Duration remainingOpen() {
        return remainingOpen;
    }
}
