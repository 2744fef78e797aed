package dev.storycore.resilience.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.testing.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecoveryConcurrencyTest {

    @Test
    void concurrentRunsAreAllCountedAndTheHistoryStaysBounded() throws Exception {
        int threads = 8;
        int perThread = 500;
        var calls = new AtomicLong();
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(new FakeClock()).historySize(50)
                .strategy(ErrorCategory.MEMORY, "clear_cache", context ->
                        calls.incrementAndGet() % 2 == 0 ? ActionResult.recovered() : ActionResult.failed("busy"))
                .build();
        var oom = Classification.of(ErrorCategory.MEMORY, Severity.HIGH, Disposition.ADJUST_AND_RETRY, "GPU_OOM", "oom");
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        procedure.recover(oom, new OutOfMemoryError("oom"));
                        assertThat(procedure.history().size()).isLessThanOrEqualTo(50);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        }

        RecoveryStatistics statistics = procedure.statistics();
        assertThat(statistics.runs()).isEqualTo((long) threads * perThread);
        assertThat(statistics.recovered()).isEqualTo(threads * perThread / 2);
        assertThat(statistics.strategies().getFirst().attempts()).isEqualTo(threads * perThread);
        assertThat(procedure.history()).hasSize(50);
    }
}
