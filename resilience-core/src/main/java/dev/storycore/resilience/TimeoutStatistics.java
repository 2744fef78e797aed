package dev.storycore.resilience;

/**
 * A snapshot of a {@link Timeout}'s counters since it was built; each finished call is counted once.
 * Counters are read one after another, so a snapshot under load may be off by the calls finishing
 * during the read.
 *
 * @param successes calls that returned a value in time
 * @param failures  calls that failed in time on their own
 * @param timeouts  calls whose deadline passed first
 */
public record TimeoutStatistics(long successes, long failures, long timeouts) {

    /**
     * The calls that have finished.
     *
     * @return {@code successes + failures + timeouts}
     */
    public long finishedCalls() {
        return successes + failures + timeouts;
    }
}
