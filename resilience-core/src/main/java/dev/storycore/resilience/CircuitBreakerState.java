package dev.storycore.resilience;

/**
 * One immutable state of a breaker; the breaker holds exactly one in an {@code AtomicReference} and
 * replaces it by compare-and-set. The methods here are pure: they build the next state and touch nothing.
 *
 * <p>{@code generation} grows by one on every change of state (and on reset and isolation) but not on
 * counter updates within a state. A permit is the generation it was granted in, so the breaker can tell
 * a half-open probe's result from that of a call admitted before the breaker last changed state.
 *
 * @param state               the state
 * @param generation          the number of the current state period; permits carry it
 * @param sinceNanos          clock reading when this period began
 * @param consecutiveFailures recorded failures in a row, consecutive mode while closed
 * @param probesInFlight      half-open probes running now
 * @param probeSuccesses      half-open probes that succeeded in a row
 * @param openNanos           how long this open period lasts
 * @param reopens             re-opens in a row without closing, for the open-duration backoff
 * @param windowOffset        added to window bucket numbers; moving it on close makes old buckets stale
 */
record CircuitBreakerState(
        CircuitState state,
        long generation,
        long sinceNanos,
        int consecutiveFailures,
        int probesInFlight,
        int probeSuccesses,
        long openNanos,
        int reopens,
        long windowOffset) {

    /**
     * A state change, returned by the breaker's update loops so that events can follow the swap.
     *
     * @param from   the state replaced
     * @param to     the state installed
     * @param reason why
     */
    record Change(CircuitBreakerState from, CircuitBreakerState to, CircuitBreakerEvent.Reason reason) {
    }

    static CircuitBreakerState initial(long now) {
        return new CircuitBreakerState(CircuitState.CLOSED, 0, now, 0, 0, 0, 0, 0, 0);
    }

    CircuitBreakerState closed(long now, long windowShift) {
        return new CircuitBreakerState(CircuitState.CLOSED, generation + 1, now, 0, 0, 0, 0, 0,
                windowOffset + windowShift);
    }

    CircuitBreakerState opened(long now, long openNanos, int reopens) {
        return new CircuitBreakerState(CircuitState.OPEN, generation + 1, now, 0, 0, 0, openNanos, reopens,
                windowOffset);
    }

    CircuitBreakerState halfOpenWithOneProbe(long now) {
        return new CircuitBreakerState(CircuitState.HALF_OPEN, generation + 1, now, 0, 1, 0, 0, reopens,
                windowOffset);
    }

    CircuitBreakerState isolated(long now) {
        return new CircuitBreakerState(CircuitState.ISOLATED, generation + 1, now, 0, 0, 0, 0, 0, windowOffset);
    }

    CircuitBreakerState withConsecutiveFailures(int failures) {
        return new CircuitBreakerState(state, generation, sinceNanos, failures, probesInFlight, probeSuccesses,
                openNanos, reopens, windowOffset);
    }

    CircuitBreakerState withProbeTaken() {
        return withProbes(probesInFlight + 1, probeSuccesses);
    }

    CircuitBreakerState withProbeReturned() {
        return withProbes(probesInFlight - 1, probeSuccesses);
    }

    CircuitBreakerState withProbeSucceeded() {
        return withProbes(probesInFlight - 1, probeSuccesses + 1);
    }

    private CircuitBreakerState withProbes(int inFlight, int successes) {
        return new CircuitBreakerState(state, generation, sinceNanos, consecutiveFailures, inFlight, successes,
                openNanos, reopens, windowOffset);
    }

    /** Whether an open period is over; overflow-safe, as nanoTime readings must be compared. */
    boolean openDurationElapsed(long now) {
        return now - sinceNanos >= openNanos;
    }

    /** Nanoseconds until a probe may run: the rest of an open period, forever when isolated, else zero. */
    long remainingOpenNanos(long now) {
        return switch (state) {
            case OPEN -> Math.max(0, openNanos - (now - sinceNanos));
            case ISOLATED -> Long.MAX_VALUE;
            case CLOSED, HALF_OPEN -> 0;
        };
    }
}
