package dev.storycore.resilience;

/**
 * Lifetime totals of a {@link CircuitBreaker}, read from its counters. The totals only grow, as
 * monitoring systems expect of counters: {@link CircuitBreaker#reset()} does not clear them. Each total
 * is read separately, so under load one read may be a few calls ahead of another. Immutable and
 * thread-safe.
 *
 * <p>Every call that asked for permission and completed is counted exactly once, as a success, failure,
 * ignored call or refusal; a permission handed back unused is not counted.
 *
 * @param successes        calls that counted as successes (including failures {@code recordIf} does not count)
 * @param failures         calls that counted as failures (including values {@code recordResult} counts)
 * @param ignored          calls that counted as nothing
 * @param notPermitted     calls refused
 * @param slowCalls        completed calls that reached the slow-call duration (failure-rate mode only)
 * @param stateTransitions state changes, including those made by hand
 */
public record CircuitBreakerStatistics(
        long successes,
        long failures,
        long ignored,
        long notPermitted,
        long slowCalls,
        long stateTransitions) {

    /**
     * Every call counted: successes, failures, ignored and refused.
     *
     * @return the sum
     */
    public long calls() {
        return successes + failures + ignored + notPermitted;
    }
}
