package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The success path must not allocate: measured with the JVM's per-thread allocation counter over many
 * calls, so that even one small object per call (16 bytes × 100,000) would show. The counter is reached
 * by reflection because the module under test does not read {@code jdk.management}; tests run on the
 * class path, where it is visible.
 */
class RetryAllocationTest {

    private static final int CALLS = 100_000;
    private static final long TOLERANCE_BYTES = 64 * 1024;


    private static long bytesFor(Runnable calls) {
        return Allocations.bytesFor(calls, 2);
    }

    @Test
    void aRetryWhoseFirstAttemptSucceedsAllocatesNothing() {
        Retry retry = Retry.builder("hot").retryOnResult(value -> value == null).build();
        Call<Integer> call = () -> 42;
        int[] sink = new int[1];

        long bytes = bytesFor(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink[0] += retry.execute(call);
            }
        });

        assertThat(sink[0]).isNotZero();
        assertThat(bytes).isLessThan(TOLERANCE_BYTES);
    }

    @Test
    void aBulkheadWithAFreePermitAllocatesNothing() {
        Bulkhead bulkhead = Bulkhead.builder("hot").build();
        Call<Integer> call = () -> 7;
        int[] sink = new int[1];

        long bytes = bytesFor(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink[0] += bulkhead.execute(call);
            }
        });

        assertThat(sink[0]).isNotZero();
        assertThat(bytes).isLessThan(TOLERANCE_BYTES);
    }
}
