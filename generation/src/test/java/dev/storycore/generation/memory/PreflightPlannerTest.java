package dev.storycore.generation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.FrameRule;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.MemoryProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightPlannerTest {

    private final ModelRegistry models = ModelRegistry.builtIn();
    private final PreflightPlanner planner = new PreflightPlanner(models);
    private final VramEstimator estimator = new VramEstimator();

    private GenerationRequest defaults(String id) {
        ModelSpec model = models.require(id);
        return GenerationRequest.builder(model, model.workflows().iterator().next()).prompt("a fox").build();
    }

    @Test
    void hunyuan720pOnA24GbRtx4090OffloadsAndShortensTheClipButKeepsTheResolution() {
        GenerationRequest request = defaults("hunyuan-video-t2v");
        Plan plan = planner.plan(request, GpuPresets.require("rtx-4090"));

        assertThat(plan.initialPeakGb()).isGreaterThan(55);
        assertThat(plan.fits()).isTrue();
        assertThat(plan.steps()).extracting(PlanStep::action)
                .contains(PlanAction.SEQUENTIAL_OFFLOAD, PlanAction.FEWER_FRAMES)
                .doesNotContain(PlanAction.LOWER_RESOLUTION, PlanAction.LIGHTER_MODEL, PlanAction.MODEL_OFFLOAD);
        GenerationRequest result = plan.finalRequest();
        assertThat(result.size()).isEqualTo(new FrameSize(1280, 720));
        assertThat(result.frames()).isBetween(65, 125);
        assertThat(FrameRule.FOUR_K_PLUS_ONE.accepts(result.frames())).isTrue();
        assertThat(result.offload()).isEqualTo(Offload.SEQUENTIAL);
        assertThat(plan.finalPeakBytes()).isLessThanOrEqualTo(plan.usableBytes());
        assertThat(plan.message()).startsWith("fits after");
        assertStepsNeverRaiseThePeak(plan);
    }

    @Test
    void wan13bOnAn8GbGpuMovesTheTextEncoderAndLoadsFp8WithoutCuts() {
        GenerationRequest request = defaults("wan2.1-t2v-1.3b");
        Plan plan = planner.plan(request, GpuProfile.ofVram(8));

        assertThat(plan.fits()).isTrue();
        assertThat(plan.cuts()).isFalse();
        assertThat(plan.steps()).extracting(PlanStep::action)
                .containsExactly(PlanAction.TEXT_ENCODER_ON_CPU, PlanAction.FP8_WEIGHTS);
        assertThat(plan.finalRequest()).isEqualTo(
                request.toBuilder().textEncoderOnCpu(true).precision(Precision.FP8).build());
        // Each step is needed: without either one, the request does not fit.
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        assertThat(estimator.estimate(wan, plan.finalRequest().toBuilder().textEncoderOnCpu(false).build())
                .peakBytes()).isGreaterThan(plan.usableBytes());
        assertThat(estimator.estimate(wan, plan.finalRequest().toBuilder().precision(Precision.BF16).build())
                .peakBytes()).isGreaterThan(plan.usableBytes());
    }

    @Test
    void theReadmeSettingForTi2v5bFitsARtx4090AsIs() {
        GenerationRequest request = defaults("wan2.2-ti2v-5b").toBuilder().offload(Offload.MODEL)
                .textEncoderOnCpu(true).build();
        Plan plan = planner.plan(request, GpuPresets.require("4090"));
        assertThat(plan.fitsAsIs()).isTrue();
        assertThat(plan.finalRequest()).isEqualTo(request);
        assertThat(plan.message()).startsWith("fits as is: ");
    }

    @Test
    void keepsAHeadroomOfFivePercentAndAtLeastHalfAGigabyte() {
        long gpu24 = GpuProfile.bytes(24);
        assertThat(PreflightPlanner.usableBytes(gpu24)).isEqualTo(gpu24 - gpu24 * 5 / 100);
        assertThat(PreflightPlanner.usableBytes(GpuProfile.bytes(8))).isEqualTo(GpuProfile.bytes(7.5));
        assertThat(PreflightPlanner.usableBytes(GpuProfile.bytes(0.25))).isZero();
    }

    @Test
    void whenNothingFitsItNamesTheSmallestPresetThatWould() {
        GenerationRequest request = defaults("wan-alpha");
        Plan plan = planner.plan(request, GpuProfile.ofVram(6));

        assertThat(plan.fits()).isFalse();
        assertThat(plan.smallestFittingGpu()).contains("24 GB");
        assertThat(plan.message()).startsWith("cannot fit wan-alpha 832x480x81 BF16: still ")
                .contains("the smallest preset GPU that fits it with memory settings alone is");
        // The named GPU really takes the original with memory settings alone.
        GpuProfile named = GpuPresets.all().stream().filter(g -> plan.smallestFittingGpu().contains(g.id()))
                .findFirst().orElseThrow();
        Plan there = planner.plan(request, named);
        assertThat(there.fits()).isTrue();
        assertThat(there.cuts()).isFalse();
    }

    @Test
    void aModelTooLargeForEveryPresetSaysSo() {
        // Activations this large do not fit even when every weight is streamed.
        ModelSpec giant = models.require("wan2.1-t2v-14b").toBuilder()
                .memory(new MemoryProfile(100_000, 2000, 4)).build();
        ModelRegistry withGiant = ModelRegistry.of(List.of(giant));
        Plan plan = new PreflightPlanner(withGiant).plan(defaults("wan2.1-t2v-14b"), GpuPresets.DEFAULT);
        assertThat(plan.fits()).isFalse();
        assertThat(plan.smallestFittingGpu()).isEmpty();
        assertThat(plan.message()).endsWith("no preset GPU is large enough");
    }

    @Test
    void aTinyGpuFallsBackToALighterModel() {
        Plan plan = planner.plan(defaults("hunyuan-video-t2v"), GpuProfile.ofVram(4));
        assertThat(plan.fits()).isTrue();
        assertThat(plan.steps().get(0).action()).isEqualTo(PlanAction.LIGHTER_MODEL);
        assertThat(plan.finalRequest().modelId()).startsWith("wan");
        assertThat(plan.finalPeakBytes()).isLessThanOrEqualTo(plan.usableBytes());
    }

    @Test
    void aCorrectionFromARealOomCutsFurther() {
        GenerationRequest request = defaults("wan2.1-t2v-1.3b").toBuilder().textEncoderOnCpu(true)
                .offload(Offload.MODEL).build();
        Plan trusted = planner.plan(request, GpuProfile.bytes(16), 1.0);
        Plan corrected = planner.plan(request, GpuProfile.bytes(16), 2.5);
        assertThat(trusted.fitsAsIs()).isTrue();
        assertThat(corrected.steps()).isNotEmpty();
        assertThat(corrected.initialPeakBytes()).isGreaterThan(trusted.initialPeakBytes() * 2);
    }

    @Test
    void refusesUnknownModelsAndBadCorrections() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "sora").build();
        assertThatThrownBy(() -> planner.plan(request, GpuPresets.DEFAULT)).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("unknown model 'sora'");
        assertThatThrownBy(() -> planner.plan(defaults("wan2.1-t2v-1.3b"), GpuProfile.bytes(16), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correction");
    }

    private static void assertStepsNeverRaiseThePeak(Plan plan) {
        long previous = plan.initialPeakBytes();
        for (PlanStep step : plan.steps()) {
            assertThat(step.peakBytes()).as(step.detail()).isLessThan(previous);
            previous = step.peakBytes();
        }
        assertThat(previous).isEqualTo(plan.finalPeakBytes());
    }
}
