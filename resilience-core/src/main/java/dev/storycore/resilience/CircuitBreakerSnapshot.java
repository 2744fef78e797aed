package dev.storycore.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A consistent picture of a {@link CircuitBreaker} at one moment, from one read of its state. The window
 * counts of the failure-rate mode are read just after and may include calls that completed meanwhile.
 * Immutable and thread-safe.
 *
 * @param state               the state
 * @param failureRate         failures as a percentage of the calls in the window, or -1 when the window
 *                            holds fewer than the minimum number of calls or the breaker counts
 *                            consecutive failures
 * @param slowCallRate        slow calls as a percentage of the calls in the window, -1 likewise
 * @param bufferedCalls       calls in the window (failure-rate mode), else 0; the window is cleared
 *                            when the breaker closes
 * @param consecutiveFailures recorded failures in a row (consecutive mode while closed), else 0
 * @param probesInFlight      half-open probes running now, including those admitted by earlier
 *                            half-open periods that have not reported yet
 * @param remainingOpen       see {@link CircuitBreaker#remainingOpenTime()}
 * @param since               when the breaker entered this state (or was last reset)
 */
public record CircuitBreakerSnapshot(
        CircuitState state,
        double failureRate,
        double slowCallRate,
        long bufferedCalls,
        int consecutiveFailures,
        int probesInFlight,
        Duration remainingOpen,
        Instant since) {

    /** Checks that nothing is null. */
    public CircuitBreakerSnapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(remainingOpen, "remainingOpen");
        Objects.requireNonNull(since, "since");
    }
}
