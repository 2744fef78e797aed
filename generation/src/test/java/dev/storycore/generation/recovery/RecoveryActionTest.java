package dev.storycore.generation.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecoveryActionTest {

    private final ModelRegistry models = ModelRegistry.builtIn();
    private final RecoveryContext context = RecoveryContext.of(models, GpuPresets.DEFAULT);

    private GenerationRequest wan14b720p() {
        return GenerationRequest.builder(models.require("wan2.1-t2v-14b"), Workflow.TEXT_TO_VIDEO).prompt("a fox")
                .seed(7).build();
    }

    @Test
    void thereAreAtLeastFiftyDistinctActions() {
        assertThat(RecoveryAction.values()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(Arrays.stream(RecoveryAction.values()).map(RecoveryAction::description).distinct().count())
                .isEqualTo(RecoveryAction.values().length);
    }

    @Test
    void everyCategoryHasAnAction() {
        var covered = EnumSet.noneOf(GenerationErrorCategory.class);
        for (RecoveryAction action : RecoveryAction.values()) {
            covered.addAll(action.categories());
        }
        assertThat(covered).containsExactlyInAnyOrder(GenerationErrorCategory.values());
    }

    @ParameterizedTest
    @EnumSource(RecoveryAction.class)
    void numbersAreInRangeAndHumanActionsAreNeverAutomatic(RecoveryAction action) {
        assertThat(action.successProbability()).isBetween(0.0, 1.0);
        assertThat(action.qualityImpact()).isBetween(0.0, 1.0);
        assertThat(action.timeImpact()).isPositive();
        assertThat(action.categories()).isNotEmpty();
        if (action.kind() == ActionKind.HUMAN) {
            assertThat(action.safeToApplyAutomatically()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(RecoveryAction.class)
    void applyingIsPureAndBackendOrHumanActionsLeaveTheRequestAlone(RecoveryAction action) {
        GenerationRequest request = wan14b720p();
        GenerationRequest once = action.apply(request, context);
        assertThat(action.apply(request, context)).isEqualTo(once);
        assertThat(request).isEqualTo(wan14b720p());
        if (action.kind() != ActionKind.REQUEST) {
            assertThat(once).isSameAs(request);
        }
    }

    @Test
    void memorySettingsFlipTheirSwitch() {
        GenerationRequest request = wan14b720p();
        assertThat(RecoveryAction.ENABLE_VAE_TILING.apply(request, context).vaeTiling()).isTrue();
        assertThat(RecoveryAction.TEXT_ENCODER_ON_CPU.apply(request, context).textEncoderOnCpu()).isTrue();
        assertThat(RecoveryAction.FP8_WEIGHTS.apply(request, context).precision()).isEqualTo(Precision.FP8);
        assertThat(RecoveryAction.MODEL_OFFLOAD.apply(request, context).offload()).isEqualTo(Offload.MODEL);
        assertThat(RecoveryAction.SEQUENTIAL_OFFLOAD.apply(request, context).offload()).isEqualTo(Offload.SEQUENTIAL);
        GenerationRequest sequential = request.toBuilder().offload(Offload.SEQUENTIAL).build();
        assertThat(RecoveryAction.MODEL_OFFLOAD.apply(sequential, context)).isSameAs(sequential);
    }

    @Test
    void smallerTilesHalveDownTo128() {
        GenerationRequest untiled = wan14b720p();
        GenerationRequest first = RecoveryAction.SMALLER_VAE_TILE.apply(untiled, context);
        assertThat(first.vaeTiling()).isTrue();
        assertThat(first.vaeTileSize()).isEqualTo(256);
        assertThat(RecoveryAction.SMALLER_VAE_TILE.apply(first, context).vaeTileSize()).isEqualTo(128);
        GenerationRequest smallest = first.toBuilder().vaeTileSize(128).build();
        assertThat(RecoveryAction.SMALLER_VAE_TILE.apply(smallest, context)).isEqualTo(smallest);
    }

    @Test
    void frameCutsFollowTheFourKPlusOneRule() {
        GenerationRequest request = wan14b720p();
        assertThat(RecoveryAction.HALVE_FRAMES.apply(request, context).frames()).isEqualTo(41);
        GenerationRequest odd = request.toBuilder().frames(80).build();
        assertThat(RecoveryAction.SNAP_FRAMES_TO_RULE.apply(odd, context).frames()).isEqualTo(81);
        GenerationRequest longClip = request.toBuilder().frames(161).build();
        assertThat(RecoveryAction.CLAMP_FRAMES_TO_MAXIMUM.apply(longClip, context).frames()).isEqualTo(81);
        assertThat(RecoveryAction.USE_MODEL_DEFAULT_FRAMES.apply(request.toBuilder().frames(33).build(), context)
                .frames()).isEqualTo(81);
    }

    @Test
    void resolutionCutsKeepTheAspectAndPreferNativeSizes() {
        GenerationRequest request = wan14b720p();
        assertThat(RecoveryAction.DROP_TO_480P.apply(request, context).size()).isEqualTo(new FrameSize(832, 480));
        FrameSize step = RecoveryAction.LOWER_RESOLUTION_STEP.apply(request, context).size();
        assertThat(step.area()).isLessThan(request.size().area());
        assertThat(step.landscape()).isTrue();
        GenerationRequest odd = request.toBuilder().size(1000, 500).build();
        assertThat(RecoveryAction.SNAP_SIZE_TO_MULTIPLE.apply(odd, context).size()).isEqualTo(new FrameSize(992, 496));
        GenerationRequest wide = request.toBuilder().size(1200, 700).build();
        assertThat(RecoveryAction.USE_NATIVE_SIZE.apply(wide, context).size()).isEqualTo(new FrameSize(832, 480));
    }

    @Test
    void aNewSeedIsDeterministicDifferentAndNonNegative() {
        GenerationRequest request = wan14b720p();
        long seed = RecoveryAction.NEW_SEED.apply(request, context).seed();
        assertThat(seed).isNotEqualTo(7).isNotNegative();
        assertThat(RecoveryAction.NEW_SEED.apply(request.toBuilder().seed(Long.MAX_VALUE).build(), context).seed())
                .isNotNegative();
    }

    @Test
    void precisionSwitchesRespectTheGpu() {
        GenerationRequest fp8 = wan14b720p().toBuilder().precision(Precision.FP8).build();
        assertThat(RecoveryAction.SWITCH_TO_BF16.apply(fp8, context).precision()).isEqualTo(Precision.BF16);
        var t4 = new GpuProfile("detected", "Tesla T4", GpuProfile.bytes(16), false, false, "7.5");
        var noBf16 = RecoveryContext.of(models, t4);
        assertThat(RecoveryAction.SWITCH_TO_BF16.apply(fp8, noBf16).precision()).isEqualTo(Precision.FP16);
        assertThat(RecoveryAction.SWITCH_TO_FP16.apply(fp8, context).precision()).isEqualTo(Precision.FP16);
    }

    @Test
    void switchingToALighterModelSnapsToItsRules() {
        GenerationRequest request = GenerationRequest.builder(models.require("wan2.2-t2v-a14b"), Workflow.TEXT_TO_VIDEO)
                .prompt("a fox").build();
        GenerationRequest lighter = RecoveryAction.SWITCH_TO_LIGHTER_MODEL.apply(request, context);
        assertThat(models.require(lighter.modelId()).activeParametersBillions()).isLessThan(14);
        assertThat(lighter.width() % models.require(lighter.modelId()).sizeMultiple()).isZero();
        GenerationRequest smallest = GenerationRequest.builder(models.require("wan2.1-t2v-1.3b"),
                Workflow.TEXT_TO_VIDEO).prompt("a fox").build();
        assertThat(RecoveryAction.SWITCH_TO_LIGHTER_MODEL.apply(smallest, context)).isEqualTo(smallest);
    }

    @Test
    void droppingTheImageNeedsAPromptAndATextModel() {
        GenerationRequest i2v = GenerationRequest.builder(models.require("wan2.1-i2v-14b-720p"),
                Workflow.IMAGE_TO_VIDEO).inputImage("first.png").prompt("a fox").build();
        GenerationRequest t2v = RecoveryAction.SWITCH_TO_TEXT_TO_VIDEO.apply(i2v, context);
        assertThat(t2v.workflow()).isEqualTo(Workflow.TEXT_TO_VIDEO);
        assertThat(t2v.inputImage()).isEmpty();
        assertThat(models.require(t2v.modelId()).supports(Workflow.TEXT_TO_VIDEO)).isTrue();
        GenerationRequest silent = i2v.toBuilder().prompt("").build();
        assertThat(RecoveryAction.SWITCH_TO_TEXT_TO_VIDEO.apply(silent, context)).isEqualTo(silent);
    }

    @Test
    void promptsAreCutAtAWordBoundary() {
        String longPrompt = "a fox walks through snow ".repeat(60);
        String cut = RecoveryAction.TRUNCATE_PROMPT.apply(wan14b720p().toBuilder().prompt(longPrompt).build(), context)
                .prompt();
        assertThat(cut.length()).isLessThanOrEqualTo(RequestChanges.MAX_PROMPT_CHARS);
        assertThat(longPrompt).startsWith(cut);
        assertThat(cut).endsWith("snow");
    }
}
