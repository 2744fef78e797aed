package dev.storycore.resilience.analytics;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErrorAnalyticsConcurrencyTest {

    static final int WRITERS = 8;
    static final int PER_WRITER = 20_000;

    @Test
    void concurrentWritersAddUpExactlyAndTheHistoryStaysBounded() throws Exception {
        ErrorAnalytics analytics = ErrorAnalytics.builder("render").clock(new FakeClock()).build();
        ErrorCategory[] categories = ErrorCategory.values();
        Severity[] severities = Severity.values();
        var start = new CountDownLatch(1);
        var writing = new AtomicBoolean(true);
        var largestSnapshot = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(WRITERS + 1)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                var classification = Classification.of(categories[w % categories.length],
                        severities[w % severities.length], Disposition.DO_NOT_RETRY, "CODE_" + w, "writer " + w);
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_WRITER; i++) {
                        if (i % 2 == 0) {
                            analytics.recordRecovered(classification, classification.code() + "#" + i);
                        } else {
                            analytics.record(classification, classification.code() + "#" + i);
                        }
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    largestSnapshot.accumulateAndGet(analytics.history().size(), Math::max);
                    analytics.report();
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            reader.get();
        }

        long total = (long) WRITERS * PER_WRITER;
        assertThat(analytics.totalErrors()).isEqualTo(total);
        assertThat(analytics.recoveryRate()).isEqualTo(0.5);
        assertThat(analytics.countsByCategory().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(analytics.countsBySeverity().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(analytics.countsByCategory()).containsEntry(ErrorCategory.NETWORK, 2L * PER_WRITER);
        assertThat(analytics.errorsInWindow()).isEqualTo(total);
        assertThat(largestSnapshot.get()).isLessThanOrEqualTo(1000);
        assertThat(analytics.history()).hasSize(1000);
        assertEachWritersRecordsAreItsNewest(analytics.history());
    }

    /** The newest 1000 records overall hold, for each writer, an unbroken run ending at its last record. */
    private static void assertEachWritersRecordsAreItsNewest(List<ErrorRecord> history) {
        for (int w = 0; w < WRITERS; w++) {
            String prefix = "CODE_" + w + "#";
            List<Integer> indices = history.stream().map(ErrorRecord::source).filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).sorted().toList();
            for (int i = 0; i < indices.size(); i++) {
                assertThat(indices.get(i)).as("writer %d", w).isEqualTo(PER_WRITER - indices.size() + i);
            }
        }
    }
}
