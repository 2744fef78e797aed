package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import dev.storycore.resilience.degradation.DegradationLevel;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierRequestsTest {

    private final TierRequests shapes = new TierRequests(ModelRegistry.builtIn(), Set.of());

    @Test
    void reducedGoesFrom720pTo480pWithAQuarterFewerStepsAndFramesInFp8() {
        GenerationRequest reduced = shapes.reduced(Shots.large());

        assertThat(reduced.size().toString()).isEqualTo("832x480");
        assertThat(reduced.frames()).isEqualTo(61);
        assertThat(reduced.steps()).isEqualTo(23);
        assertThat(reduced.precision()).isEqualTo(Precision.FP8);
        assertThat(reduced.modelId()).isEqualTo(Shots.large().modelId());
    }

    @Test
    void minimalUsesTheLightestUsableModelAtASmallSize() {
        GenerationRequest minimal = shapes.minimal(Shots.large(), id -> true).orElseThrow();

        assertThat(minimal.modelId()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(Math.min(minimal.width(), minimal.height())).isLessThanOrEqualTo(TierRequests.MINIMAL_SHORT_SIDE);
        assertThat(minimal.frames()).isEqualTo(41);
        assertThat(minimal.steps()).isEqualTo(15);
    }

    @Test
    void minimalSkipsUnusableModelsAndIsEmptyWhenNoneIsLeft() {
        var minimal = shapes.minimal(Shots.large(), id -> !id.equals("wan2.1-t2v-1.3b")).orElseThrow();
        assertThat(minimal.modelId()).isEqualTo("wan2.2-ti2v-5b");

        var inpaint = GenerationRequest.builder(Workflow.INPAINT, "wan2.1-vace-14b").sourceVideo("v.mp4").mask("m.png")
                .size(832, 480).frames(81).steps(20).build();
        assertThat(shapes.minimal(inpaint, id -> !id.equals("wan2.1-vace-14b"))).isEmpty();
    }

    @Test
    void degradationLevelsScaleResolutionStepsAndFrames() {
        assertThat(shapes.degraded(Shots.large(), DegradationLevel.FULL)).isEqualTo(Shots.large());

        GenerationRequest low = shapes.degraded(Shots.large(), DegradationLevel.LOW);

        assertThat(Math.min(low.width(), low.height())).isEqualTo(352);
        assertThat(low.steps()).isEqualTo(12);
        assertThat(low.frames()).isEqualTo(41);
    }

    @Test
    void framesKeepTheModelsRule() {
        for (var level : DegradationLevel.values()) {
            assertThat((shapes.degraded(Shots.large(), level).frames() - 1) % 4).isZero();
        }
        assertThat((shapes.reduced(Shots.small()).frames() - 1) % 4).isZero();
    }
}
