package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The closed success path must not allocate: counted with the JVM's per-thread allocation counter over
 * many calls, so that one stray allocation per call (16 bytes or more) would show as megabytes. The
 * counter is reached reflectively because this module's tests compile inside a module that reads only
 * {@code java.base}.
 */
class CircuitBreakerAllocationTest {

    private static final int CALLS = 200_000;
    private static final long SLACK_BYTES = 16 * 1024;
    private static final Call<String> WORK = () -> "frame";

    @Test
    void consecutiveModeExecuteAllocatesNothingWhileClosed() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("alloc").build();

        long bytes = allocatedBy(() -> executeMany(breaker));

        assertThat(bytes).isLessThan(SLACK_BYTES);
    }

    @Test
    void failureRateModeExecuteAllocatesNothingWhileClosed() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("alloc").minimumCalls(5)
                .slowCallThreshold(Duration.ofMinutes(5), 80).build();

        long bytes = allocatedBy(() -> executeMany(breaker));

        assertThat(bytes).isLessThan(SLACK_BYTES);
    }

    @Test
    void permitProtocolAllocatesNothingWhileClosed() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("alloc").minimumCalls(5).build();

        long bytes = allocatedBy(() -> {
            long sum = 0;
            for (int i = 0; i < CALLS; i++) {
                long permit = breaker.acquirePermit();
                breaker.onPermitSuccess(permit, 1_000);
                sum += permit + 1;
                breaker.onSuccess(1_000);
            }
            return sum;
        });

        assertThat(bytes).isLessThan(SLACK_BYTES);
    }

    private static long executeMany(CircuitBreaker breaker) {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += breaker.execute(WORK).length();
        }
        return sum;
    }

    private static long allocatedBy(LongSupplier work) {
        work.getAsLong(); // warm up: class loading and first-call setup allocate once
        long before = Allocations.allocatedBytes();
        long sink = work.getAsLong();
        long after = Allocations.allocatedBytes();
        assertThat(sink).isNotZero();
        return after - before;
    }
}
