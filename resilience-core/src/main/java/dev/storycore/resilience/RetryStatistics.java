package dev.storycore.resilience;

/**
 * A snapshot of a {@link Retry}'s counters since it was built. Each finished call is counted in
 * exactly one of {@link #successesWithoutRetry}, {@link #successesAfterRetry},
 * {@link #failuresWithoutRetry}, {@link #exhausted}, {@link #aborted} and {@link #cancelled}, so
 * their sum is {@link #calls} minus the calls still running.
 *
 * <p>The counters are read one after another while calls go on, so a snapshot taken under load may
 * be off by the calls that finished during the read.
 *
 * @param calls                 calls started
 * @param attempts              attempts started: {@code calls + retries}
 * @param retries               attempts after the first, over all calls
 * @param successesWithoutRetry calls that succeeded on their first attempt
 * @param successesAfterRetry   calls that succeeded on a later attempt
 * @param failuresWithoutRetry  calls that ended with a failure the rules do not retry (on any attempt)
 * @param exhausted             calls that used every attempt; by result, these returned the last value
 * @param aborted               calls stopped by an abort rule
 * @param cancelled             calls interrupted during a wait or whose asynchronous result was cancelled
 */
public record RetryStatistics(
        long calls,
        long attempts,
        long retries,
        long successesWithoutRetry,
        long successesAfterRetry,
        long failuresWithoutRetry,
        long exhausted,
        long aborted,
        long cancelled) {

    /**
     * The calls that have finished, however they ended.
     *
     * @return the sum of the terminal counters
     */
    public long finishedCalls() {
        return successesWithoutRetry + successesAfterRetry + failuresWithoutRetry + exhausted + aborted + cancelled;
    }
}
