package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stall clock on its own: when it starts, what starts it over, and the node it names. */
class StallWatchTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final StallWatch watch = new StallWatch(Duration.ofMinutes(5), Map.of("3", "KSampler", "8", "VAEDecode"));

    @Test
    void aPromptNeverSeenRunningNeverStalls() {
        assertThat(watch.stalled(60 * MINUTE)).isFalse();
        assertThat(watch.silence(60 * MINUTE)).isZero();
    }

    @Test
    void theClockStartsWhenThePromptIsFirstSeenRunning() {
        watch.seenRunning(20 * MINUTE);

        assertThat(watch.stalled(24 * MINUTE)).isFalse();
        assertThat(watch.stalled(25 * MINUTE)).isTrue();
        assertThat(watch.silence(25 * MINUTE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void seeingThePromptRunningAgainDoesNotStartTheClockOver() {
        watch.seenRunning(0);
        watch.seenRunning(4 * MINUTE);

        assertThat(watch.stalled(5 * MINUTE)).isTrue();
    }

    @Test
    void everyMessageAboutThePromptStartsTheClockOver() {
        for (int step = 1; step <= 20; step++) {
            watch.heard(new ExecutionEvent.Progress("p", "3", step, 20), step * 4 * MINUTE);
            watch.seenRunning(step * 4 * MINUTE + MINUTE);
            assertThat(watch.stalled(step * 4 * MINUTE + 4 * MINUTE - 1)).isFalse();
        }

        assertThat(watch.stalled(85 * MINUTE)).isTrue();
    }

    @Test
    void aNewSocketStartsTheClockOver() {
        watch.seenRunning(0);
        watch.listeningAgain(4 * MINUTE);

        assertThat(watch.stalled(8 * MINUTE)).isFalse();
        assertThat(watch.stalled(9 * MINUTE)).isTrue();
    }

    @Test
    void namesTheLastNodeHeardByItsClass() {
        assertThat(watch.lastNode()).isEmpty();

        watch.heard(new ExecutionEvent.Executing("p", "3"), 0);
        assertThat(watch.lastNode()).isEqualTo("KSampler (node 3)");

        watch.heard(new ExecutionEvent.Executed("p", "3", List.of()), MINUTE);
        watch.heard(new ExecutionEvent.Executing("p", "8"), MINUTE);
        assertThat(watch.lastNode()).isEqualTo("VAEDecode (node 8)");

        watch.heard(new ExecutionEvent.Executing("p", "99"), 2 * MINUTE);
        assertThat(watch.lastNode()).isEqualTo("node 99");
    }

    @Test
    void readsNodeClassesFromAnApiWorkflow() {
        assertThat(StallWatch.nodeClasses(TestSupport.workflow())).containsEntry("3", "KSampler")
                .containsEntry("8", "VAEDecode").doesNotContainValue("");
    }
}
