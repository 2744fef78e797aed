package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.workflow.ShotEvent;
import dev.storycore.generation.workflow.ShotResult;
import dev.storycore.generation.workflow.ShotStatus;
import dev.storycore.generation.workflow.Tier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private final StringWriter text = new StringWriter();

    @Test
    void liveProgressRedrawsRunningShotsInPlaceAndKeepsFinishedOnes() {
        var live = new LiveProgress(new PrintWriter(text));

        live.accept(new ShotEvent.TierStarted("fox", Tier.PRIMARY));
        live.accept(new ShotEvent.Progress("fox", Tier.PRIMARY, new JobProgress("fox-primary-1", "sampling", 0.5,
                "step 10/20")));
        live.accept(new ShotEvent.Finished("fox", delivered()));
        live.close();

        assertThat(text.toString()).contains("▸ fox  primary tier").contains("\u001b[1A\u001b[2K")
                .contains("✔ fox  DELIVERED from the primary tier, quality 1.00, 1 attempt");
    }

    @Test
    void plainProgressWritesOneLinePerEventThatMatters() {
        var plain = new PlainProgress(new PrintWriter(text));

        plain.accept(new ShotEvent.TierStarted("fox", Tier.PRIMARY));
        plain.accept(new ShotEvent.Progress("fox", Tier.PRIMARY, new JobProgress("j", "sampling", 0.5, "step 1")));
        plain.accept(new ShotEvent.TierStarted("fox", Tier.REDUCED));
        plain.accept(new ShotEvent.Finished("fox", delivered()));

        assertThat(text.toString().lines()).containsExactly("[fox] started", "[fox] trying the reduced tier",
                "[fox] DELIVERED from the primary tier, quality 1.00, 1 attempt");
        assertThat(text.toString()).doesNotContain("\u001b");
    }

    @Test
    void anEndedShotCountsItsAttemptsInGoodEnglish() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("fox").build();
        var once = new ShotResult("fox", ShotStatus.INTERRUPTED, Tier.PRIMARY, "sim", request, request, 0.0,
                List.of(), 1, List.of(), List.of(), List.of(), false, 5.0, 5.0, List.of());
        var thrice = new ShotResult("fox", ShotStatus.FAILED, Tier.PRIMARY, "sim", request, request, 0.0,
                List.of(), 3, List.of(), List.of(), List.of(), false, 5.0, 5.0, List.of());

        assertThat(PlainProgress.describe(once)).isEqualTo("INTERRUPTED after 1 attempt");
        assertThat(PlainProgress.describe(thrice)).isEqualTo("FAILED after 3 attempts");
    }

    private static ShotResult delivered() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("fox").build();
        return new ShotResult("fox", ShotStatus.DELIVERED, Tier.PRIMARY, "sim", request, request, 1.0, List.of(), 1,
                List.of(), List.of(), List.of(Path.of("fox.mp4")), true, 5.0, 0.0, List.of());
    }
}
