package dev.storycore.resilience;

/**
 * One immutable state of a breaker; the breaker holds exactly one in an {@code AtomicReference} and
 * replaces it by compare-and-set. The methods here are pure: they build the next state and touch nothing.
 *
 * <p>{@code generation} grows by one on every change of state (and on reset and isolation) but not on
 * counter updates within a state. A permit carries the generation it was granted in, so the breaker
 * can tell a probe's result from that of a call admitted before the breaker last changed state.
 *
 * <p>Probes still running when their half-open period ends become {@code earlierProbes}: they keep
 * occupying probe slots in every later half-open period until they report, so a re-opened breaker never
 * runs more than the permitted number of probes at once, counting the old ones.
 *
 * @param state               the state
 * @param generation          the number of the current state period; permits carry it
 * @param sinceNanos          clock reading when this period began
 * @param consecutiveFailures recorded failures in a row, consecutive mode while closed
 * @param probesInFlight      probes of this half-open period running now
 * @param probeSuccesses      probes of this half-open period that succeeded in a row
 * @param earlierProbes       probes of earlier half-open periods still running
 * @param resetGeneration     the generation {@code reset()} left; probes of it or older are forgotten
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
        int earlierProbes,
        long resetGeneration,
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
        return new CircuitBreakerState(CircuitState.CLOSED, 0, now, 0, 0, 0, 0, -1, 0, 0, 0);
    }

    CircuitBreakerState closed(long now, long windowShift) {
        return next(CircuitState.CLOSED, now, 0, 0, windowOffset + windowShift);
    }

    CircuitBreakerState opened(long now, long openNanos, int reopens) {
        return next(CircuitState.OPEN, now, openNanos, reopens, windowOffset);
    }

    CircuitBreakerState halfOpened(long now) {
        return next(CircuitState.HALF_OPEN, now, 0, reopens, windowOffset);
    }

    CircuitBreakerState isolated(long now) {
        return next(CircuitState.ISOLATED, now, 0, 0, windowOffset);
    }

    /** Closed, with every count cleared and every running probe forgotten. */
    CircuitBreakerState reset(long now, long windowShift) {
        return new CircuitBreakerState(CircuitState.CLOSED, generation + 1, now, 0, 0, 0, 0, generation, 0, 0,
                windowOffset + windowShift);
    }

    private CircuitBreakerState next(CircuitState to, long now, long openNanos, int reopens, long offset) {
        return new CircuitBreakerState(to, generation + 1, now, 0, 0, 0, runningProbes(), resetGeneration,
                openNanos, reopens, offset);
    }

    CircuitBreakerState withConsecutiveFailures(int failures) {
        return new CircuitBreakerState(state, generation, sinceNanos, failures, probesInFlight, probeSuccesses,
                earlierProbes, resetGeneration, openNanos, reopens, windowOffset);
    }

    CircuitBreakerState withProbeTaken() {
        return withProbes(probesInFlight + 1, probeSuccesses, earlierProbes);
    }

    CircuitBreakerState withProbeReturned() {
        return withProbes(probesInFlight - 1, probeSuccesses, earlierProbes);
    }

    CircuitBreakerState withProbeSucceeded() {
        return withProbes(probesInFlight - 1, probeSuccesses + 1, earlierProbes);
    }

    CircuitBreakerState withEarlierProbeReturned() {
        return withProbes(probesInFlight, probeSuccesses, earlierProbes - 1);
    }

    private CircuitBreakerState withProbes(int inFlight, int successes, int earlier) {
        return new CircuitBreakerState(state, generation, sinceNanos, consecutiveFailures, inFlight, successes,
                earlier, resetGeneration, openNanos, reopens, windowOffset);
    }

    /** A permit is its generation shifted left, with the low bit set for a half-open probe. */
    static long probePermit(long generation) {
        return generation << 1 | 1;
    }

    /** Whether {@code permit} is a probe of this half-open period that has not reported yet. */
    boolean isCurrentProbe(long permit) {
        return (permit & 1) != 0 && permit >>> 1 == generation && state == CircuitState.HALF_OPEN
                && probesInFlight > 0;
    }

    /** Whether {@code permit} is a probe of an earlier half-open period, not forgotten by a reset. */
    boolean isEarlierProbe(long permit) {
        long permitGeneration = permit >>> 1;
        return (permit & 1) != 0 && permitGeneration < generation && permitGeneration > resetGeneration
                && earlierProbes > 0;
    }

    /**
     * The permit a boolean-protocol report stands for: a probe of this period if one is running, else a
     * probe of an earlier period if one is running, else a call of this period. A guess can only free a
     * slot early, never hold one forever.
     */
    long guessPermit() {
        if (state == CircuitState.HALF_OPEN && probesInFlight > 0) {
            return probePermit(generation);
        }
        return earlierProbes > 0 ? probePermit(generation - 1) : generation << 1;
    }

    /** Probes running now, of this half-open period and of earlier ones. */
    int runningProbes() {
        return probesInFlight + earlierProbes;
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
