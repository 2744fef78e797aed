package dev.storycore.resilience.degradation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.degradation.DegradationEvent.LevelChanged;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManualDegradationTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingListener<DegradationEvent> events = new RecordingListener<>();
    private final GracefulDegradation degradation =
            GracefulDegradation.builder("render").clock(clock).listener(events).build();

    @Test
    void startsAtFullQuality() {
        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.status())
                .isEqualTo(new DegradationStatus(DegradationLevel.FULL, "initial", clock.instant(), false));
        assertThat(events.events()).isEmpty();
    }

    @Test
    void degradeMovesOneLevelAtATime() {
        assertThat(degradation.degrade("gpu busy")).isEqualTo(DegradationLevel.HIGH);
        assertThat(degradation.degrade("gpu busy")).isEqualTo(DegradationLevel.MEDIUM);
        assertThat(degradation.degrade("gpu busy")).isEqualTo(DegradationLevel.LOW);
        assertThat(degradation.degrade("gpu busy")).isEqualTo(DegradationLevel.MINIMAL);
        assertThat(degradation.level()).isEqualTo(DegradationLevel.MINIMAL);
    }

    @Test
    void degradeStopsAtMinimalWithoutFurtherEvents() {
        degradation.degradeTo(DegradationLevel.MINIMAL, "storm");
        events.clear();

        assertThat(degradation.degrade("still stormy")).isEqualTo(DegradationLevel.MINIMAL);
        assertThat(degradation.status().reason()).isEqualTo("storm");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void degradeToJumpsStraightToTheLevelAndRecordsReasonAndTime() {
        clock.advance(Duration.ofSeconds(42));

        degradation.degradeTo(DegradationLevel.LOW, "maintenance window");

        assertThat(degradation.status()).isEqualTo(new DegradationStatus(
                DegradationLevel.LOW, "maintenance window", clock.instant(), false));
        assertThat(events.events()).containsExactly(new LevelChanged(
                "render", DegradationLevel.FULL, DegradationLevel.LOW, "maintenance window", false, clock.instant()));
    }

    @Test
    void degradeToTheCurrentLevelChangesNothing() {
        degradation.degradeTo(DegradationLevel.MEDIUM, "first");
        events.clear();

        degradation.degradeTo(DegradationLevel.MEDIUM, "second");

        assertThat(degradation.status().reason()).isEqualTo("first");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void restoreReturnsToFull() {
        degradation.degradeTo(DegradationLevel.MINIMAL, "storm");

        assertThat(degradation.restore()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.status().reason()).isEqualTo("restored");
        assertThat(events.eventsOf(LevelChanged.class)).last()
                .extracting(LevelChanged::from, LevelChanged::to)
                .containsExactly(DegradationLevel.MINIMAL, DegradationLevel.FULL);
    }

    @Test
    void restoreOneLevelClimbsOneStepAndStopsAtFull() {
        degradation.degradeTo(DegradationLevel.MEDIUM, "busy");

        assertThat(degradation.restoreOneLevel()).isEqualTo(DegradationLevel.HIGH);
        assertThat(degradation.restoreOneLevel()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.restoreOneLevel()).isEqualTo(DegradationLevel.FULL);
        assertThat(events.events()).hasSize(3);
    }

    @Test
    void adjustUsesTheCurrentLevel() {
        var settings = new QualitySettings("1080p", 50, 121);
        degradation.degradeTo(DegradationLevel.LOW, "busy");

        assertThat(degradation.adjust(settings)).isEqualTo(DegradationLevel.LOW.adjust(settings));
    }

    @Test
    void aThrowingListenerNeitherBreaksTheChangeNorSilencesLaterListeners() {
        GracefulDegradation withBadListener = GracefulDegradation.builder("render").clock(clock)
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(events)
                .build();

        assertThat(withBadListener.degrade("busy")).isEqualTo(DegradationLevel.HIGH);
        assertThat(withBadListener.level()).isEqualTo(DegradationLevel.HIGH);
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void manualModeIgnoresRecordedOutcomes() {
        var oom = Classification.of(ErrorCategory.MEMORY, Severity.HIGH, Disposition.ADJUST_AND_RETRY,
                "GPU_OOM", "CUDA out of memory");
        for (int i = 0; i < 100; i++) {
            degradation.recordFailure(oom);
        }

        assertThat(degradation.level()).isEqualTo(DegradationLevel.FULL);
        assertThat(degradation.window()).isEqualTo(new GracefulDegradation.WindowSnapshot(0, 0));
        assertThat(events.events()).isEmpty();
    }
}
