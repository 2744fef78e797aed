package dev.storycore.resilience.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeTimeTest {

    @Test
    void clockMovesOnlyWhenAdvancedAndKeepsWallAndMonotonicTimeTogether() {
        var clock = new FakeClock(Instant.parse("2026-05-01T10:00:00Z"));

        clock.advance(Duration.ofSeconds(90));

        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(90).toNanos());
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-01T10:01:30Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("duration");
    }

    @Test
    void recordingSleeperRecordsDelaysAndAdvancesItsClock() throws InterruptedException {
        var clock = new FakeClock();
        var sleeper = new RecordingSleeper(clock);

        sleeper.sleep(Duration.ofSeconds(1));
        sleeper.sleep(Duration.ofSeconds(2));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(3));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void recordingSleeperHonoursAPendingInterrupt() {
        var sleeper = new RecordingSleeper();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> sleeper.sleep(Duration.ofSeconds(1))).isInstanceOf(InterruptedException.class);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void schedulerRunsTasksInDueOrderAsTimePasses() {
        var clock = new FakeClock();
        var scheduler = new FakeScheduler(clock);
        List<String> ran = new ArrayList<>();
        scheduler.schedule(() -> ran.add("late"), Duration.ofSeconds(5));
        scheduler.schedule(() -> ran.add("early"), Duration.ofSeconds(1));
        var cancelled = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofSeconds(2));

        assertThat(cancelled.cancel()).isTrue();
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(ran).containsExactly("early");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3));

        scheduler.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("early", "late");
    }

    @Test
    void runAllFollowsTasksThatScheduleMoreTasks() {
        var clock = new FakeClock();
        var scheduler = new FakeScheduler(clock);
        List<Duration> seen = new ArrayList<>();
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            seen.add(clock.elapsed());
            if (seen.size() < 3) {
                scheduler.schedule(step[0], Duration.ofSeconds(seen.size()));
            }
        };
        scheduler.schedule(step[0], Duration.ZERO);

        assertThat(scheduler.runAll(10)).isEqualTo(3);
        assertThat(seen).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void sequenceRandomCyclesThroughItsValuesAndRejectsOutOfRange() {
        var random = new SequenceRandom(0.1, 0.9);

        assertThat(List.of(random.nextDouble(), random.nextDouble(), random.nextDouble()))
                .containsExactly(0.1, 0.9, 0.1);
        assertThatThrownBy(() -> new SequenceRandom(1.0)).hasMessageContaining("[0, 1)");
    }

    @Test
    void recordingListenerFiltersByType() {
        var recorder = new RecordingListener<Object>();
        recorder.accept("a");
        recorder.accept(1);

        assertThat(recorder.eventsOf(String.class)).containsExactly("a");
        recorder.clear();
        assertThat(recorder.events()).isEmpty();
    }
}
