package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The success path of a pipeline must not allocate, whether or not the JIT's escape analysis would
 * have removed per-call lambdas: measured with the JVM's per-thread allocation counter over many calls,
 * mostly interpreted or compiled by C1, which removes nothing, so one 16-byte object per call would show.
 */
class ResiliencePipelineAllocationTest {

    private static final int CALLS = 100_000;
    private static final long TOLERANCE_BYTES = 64 * 1024;


    private static long bytesFor(ResiliencePipeline pipeline, int[] sink) {
        Call<Integer> call = () -> 42;
        Runnable calls = () -> {
            for (int i = 0; i < CALLS; i++) {
                sink[0] += pipeline.execute(call);
            }
        };
        return Allocations.bytesFor(calls, 1);
    }

    @Test
    void retryAroundBreakerAllocatesNothingWhenTheCallSucceeds() {
        var pipeline = ResiliencePipeline.builder()
                .retry(Retry.builder("hot").build())
                .circuitBreaker(CircuitBreaker.builder("hot").build())
                .build();
        int[] sink = new int[1];

        long bytes = bytesFor(pipeline, sink);

        assertThat(sink[0]).isEqualTo(2 * CALLS * 42);
        assertThat(bytes).isLessThan(TOLERANCE_BYTES);
    }

    @Test
    void breakerAroundRetryAllocatesNothingWhenTheCallSucceeds() {
        var pipeline = ResiliencePipeline.builder()
                .retry(Retry.builder("hot").build())
                .circuitBreaker(CircuitBreaker.builder("hot").failureRateThreshold(50).build())
                .retryAsOneBreakerOutcome(true)
                .build();
        int[] sink = new int[1];

        long bytes = bytesFor(pipeline, sink);

        assertThat(sink[0]).isEqualTo(2 * CALLS * 42);
        assertThat(bytes).isLessThan(TOLERANCE_BYTES);
    }
}
