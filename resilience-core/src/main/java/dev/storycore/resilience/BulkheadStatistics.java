package dev.storycore.resilience;

/**
 * A snapshot of a {@link Bulkhead}: its free permits now and its counters since it was built. Values
 * are read one after another, so under load they may disagree by the calls moving during the read.
 *
 * @param availableConcurrentCalls permits free now
 * @param maxConcurrentCalls       the limit
 * @param permitted                permits taken, by {@code execute} or {@code tryAcquire}
 * @param rejected                 calls refused because the bulkhead stayed full
 * @param completed                permits given back; {@code permitted - completed} calls are running
 */
public record BulkheadStatistics(
        int availableConcurrentCalls, int maxConcurrentCalls, long permitted, long rejected, long completed) {

    /**
     * The calls holding a permit now, by the counters.
     *
     * @return {@code permitted - completed}
     */
    public long running() {
        return permitted - completed;
    }
}
