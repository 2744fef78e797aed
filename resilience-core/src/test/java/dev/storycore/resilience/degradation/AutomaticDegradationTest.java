package dev.storycore.resilience.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.CircuitOpenException;
import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Outcome;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.degradation.DegradationEvent.LevelChanged;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window 60 s (buckets of 6 s), 10 calls minimum, degrade at 0.5, restore below 0.1 for 120 s. */
class AutomaticDegradationTest {

    static final Classification OOM = Classification.of(ErrorCategory.MEMORY, Severity.HIGH,
            Disposition.ADJUST_AND_RETRY, "GPU_OOM", "CUDA out of memory");
    static final Classification BAD_INPUT = Classification.of(ErrorCategory.VALIDATION, Severity.MEDIUM,
            Disposition.DO_NOT_RETRY, "INVALID_ARGUMENT", "frames must be 4k+1");

    private final FakeClock clock = new FakeClock();
    private final RecordingListener<DegradationEvent> events = new RecordingListener<>();

    private GracefulDegradation.Builder builder() {
        return GracefulDegradation.builder("render").automatic().degradeThreshold(0.5).restoreThreshold(0.1)
                .window(Duration.ofSeconds(60)).minimumCalls(10).quietPeriod(Duration.ofSeconds(120))
                .clock(clock).listener(events);
    }

    private final GracefulDegradation degradation = builder().build();

    private void feed(GracefulDegradation target, int failures, int successes) {
        for (int i = 0; i < failures; i++) {
            target.recordFailure(OOM);
        }
        for (int i = 0; i < successes; i++) {
            target.recordSuccess();
        }
    }

    private void at(int seconds) {
        clock.advance(Duration.ofSeconds(seconds).minus(clock.elapsed()));
    }

    @Test
    void degradesOneLevelWhenTheErrorRateReachesTheThreshold() {
        feed(degradation, 5, 5);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);
        assertThat(events.eventsOf(LevelChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.from()).isEqualTo(DegradationLevel.FULL);
            assertThat(event.to()).isEqualTo(DegradationLevel.HIGH);
            assertThat(event.automatic()).isTrue();
            assertThat(event.reason()).isEqualTo("error rate 0.50 over 10 calls reached the degrade threshold 0.50");
        });
        assertThat(degradation.status().automatic()).isTrue();
    }

    @Test
    void staysAtFullUntilTheWindowHoldsTheMinimumNumberOfCalls() {
        feed(degradation, 9, 0);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.window()).isEqualTo(new GracefulDegradation.WindowSnapshot(9, 9));
    }

    @Test
    void staysAtFullWhileTheRateIsBelowTheThreshold() {
        feed(degradation, 4, 6);
        feed(degradation, 0, 100);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
    }

    @Test
    void eachFurtherStepNeedsTheMinimumNumberOfNewCalls() {
        feed(degradation, 10, 0);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);
        assertThat(degradation.window().calls()).isZero();

        feed(degradation, 9, 0);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);

        feed(degradation, 1, 0);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.MEDIUM);
    }

    @Test
    void staysAtMinimalUnderContinuedFailure() {
        feed(degradation, 200, 0);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.MINIMAL);
        assertThat(events.events()).hasSize(4);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        feed(degradation, 9, 0);
        at(61);
        feed(degradation, 1, 0);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.window()).isEqualTo(new GracefulDegradation.WindowSnapshot(1, 1));
    }

    @Test
    void keepsTheLevelWhileTheRateSitsBetweenTheThresholds() {
        feed(degradation, 10, 0);
        for (int second = 10; second <= 900; second += 10) {
            at(second);
            feed(degradation, 2, 8);
            assertThat(degradation.level()).as("at %d s", second).isEqualTo(DegradationLevel.HIGH);
        }

        assertThat(events.events()).hasSize(1);
    }

    @Test
    void restoresOneLevelOnlyAfterTheQuietPeriod() {
        feed(degradation, 10, 0);
        at(10);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).as("quiet for 10 s").isEqualTo(DegradationLevel.HIGH);

        at(119);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).as("quiet for 119 s").isEqualTo(DegradationLevel.HIGH);

        at(120);
        feed(degradation, 0, 1);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(events.eventsOf(LevelChanged.class)).last().satisfies(event -> {
            assertThat(event.automatic()).isTrue();
            assertThat(event.reason()).startsWith("error rate 0.00 over 11 calls stayed below the restore threshold");
        });
    }

    @Test
    void noiseBetweenTheThresholdsRestartsTheQuietPeriod() {
        feed(degradation, 10, 0);
        at(61);
        feed(degradation, 3, 7); // rate 0.3: noisy until the end of the 60-66 s bucket

        at(125);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);

        at(185);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).as("quiet for 119 s").isEqualTo(DegradationLevel.HIGH);

        at(186);
        feed(degradation, 0, 1);
        assertThat(degradation.level()).as("quiet for 120 s").isEqualTo(DegradationLevel.FULL);
    }

    @Test
    void restoresOneLevelPerQuietPeriod() {
        degradation.degradeTo(DegradationLevel.LOW, "maintenance");

        at(120);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.MEDIUM);

        at(121);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.MEDIUM);

        at(240);
        feed(degradation, 0, 10);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);
    }

    @Test
    void failuresFromBeforeARestoreDoNotDegradeAgain() {
        GracefulDegradation eager = builder().quietPeriod(Duration.ZERO).build();
        feed(eager, 10, 0);
        at(1);
        feed(eager, 0, 10);
        assertThat(eager.level()).isEqualTo(DegradationLevel.FULL);

        feed(eager, 1, 0);

        assertThat(eager.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(events.eventsOf(LevelChanged.class)).extracting(LevelChanged::to)
                .containsExactly(DegradationLevel.HIGH, DegradationLevel.FULL);
    }

    @Test
    void readsOutcomesAndIgnoresRejections() {
        var rejected = new Outcome.Rejected<String>(new CircuitOpenException("gpu", Duration.ofSeconds(5), false));
        for (int i = 0; i < 20; i++) {
            degradation.record(rejected);
        }
        assertThat(degradation.window().calls()).isZero();

        for (int i = 0; i < 10; i++) {
            degradation.record(new Outcome.Failure<String>(new OutOfMemoryError("CUDA"), OOM));
        }
        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);

        degradation.record(new Outcome.Success<>("clip.mp4"));
        assertThat(degradation.window()).isEqualTo(new GracefulDegradation.WindowSnapshot(1, 0));
    }

    @Test
    void failuresTheFilterRejectsAreNotCounted() {
        GracefulDegradation filtered = builder()
                .countsAsFailure(classification -> classification.category() != ErrorCategory.VALIDATION)
                .build();
        for (int i = 0; i < 20; i++) {
            filtered.recordFailure(BAD_INPUT);
        }

        assertThat(filtered.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(filtered.window().calls()).isZero();
    }

    @Test
    void aManualMoveStartsAFreshWindow() {
        feed(degradation, 9, 0);

        degradation.degrade("operator");
        feed(degradation, 1, 0);

        assertThat(degradation.level()).isEqualTo(DegradationLevel.HIGH);
        assertThat(degradation.window()).isEqualTo(new GracefulDegradation.WindowSnapshot(1, 1));
        assertThat(events.eventsOf(LevelChanged.class)).extracting(LevelChanged::automatic).containsExactly(false);
    }

    @Test
    void concurrentFailuresStepDownOneLevelPerWindowNeverSkipping() throws Exception {
        int threads = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    feed(degradation, 1_000, 0);
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        }

        assertThat(degradation.level()).isEqualTo(DegradationLevel.MINIMAL);
        assertThat(events.eventsOf(LevelChanged.class))
                .extracting(event -> List.of(event.from(), event.to()))
                .containsExactlyInAnyOrder(
                        List.of(DegradationLevel.FULL, DegradationLevel.HIGH),
                        List.of(DegradationLevel.HIGH, DegradationLevel.MEDIUM),
                        List.of(DegradationLevel.MEDIUM, DegradationLevel.LOW),
                        List.of(DegradationLevel.LOW, DegradationLevel.MINIMAL));
    }
}
