package dev.storycore.generation.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.errors.ErrorDetails;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.memory.VramEstimator;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryPlannerTest {

    private static final long GIB = GpuProfile.GIB;

    private final ModelRegistry models = ModelRegistry.builtIn();
    private final RecoveryPlanner planner = new RecoveryPlanner(models);
    private final ModelSpec wan13b = models.require("wan2.1-t2v-1.3b");

    /** Wan 1.3B with the README's 4090 settings; the estimator says about 8.2 GB. */
    private GenerationRequest wanOffloaded() {
        return GenerationRequest.builder(wan13b, Workflow.TEXT_TO_VIDEO).prompt("a fox in snow")
                .offload(Offload.MODEL).textEncoderOnCpu(true).build();
    }

    private static GenerationError error(GenerationErrorCategory category, ErrorDetails details) {
        return new GenerationError(category, category.usualDisposition(), Severity.HIGH, "TEST", "test failure",
                List.of(), details);
    }

    /** "Tried to allocate 4.00 GiB. GPU 0 has a total capacity of 15.70 GiB of which 1.20 GiB is free." */
    private static GenerationError oomOn4080(String node) {
        return error(GenerationErrorCategory.MEMORY_MANAGEMENT,
                new ErrorDetails(4 * GIB, (long) (15.7 * GIB), (long) (1.2 * GIB), 0, node,
                        "torch.OutOfMemoryError", ""));
    }

    @Test
    void anOomReportCorrectsTheEstimateByWhatTheJobReallyNeeded() {
        GenerationRequest request = wanOffloaded();
        RecoveryContext context = planner.contextFor(oomOn4080("KSampler"), request, GpuPresets.DEFAULT);
        long estimate = new VramEstimator().estimate(wan13b, request).peakBytes();
        double observed = (15.7 - 1.2 + 4.0) * GIB;
        assertThat(context.correction()).isCloseTo(observed * 1.05 / estimate, within(1e-9));
        assertThat(context.correction()).isGreaterThan(2.0);
        assertThat(context.capacityBytes()).isEqualTo((long) (15.7 * GIB));
    }

    @Test
    void afterAnOomFitFramesCutsExactlyAsFarAsTheCorrectedEstimateRequires() {
        GenerationRequest request = wanOffloaded();
        GenerationError oom = oomOn4080("KSampler");
        RecoveryContext context = planner.contextFor(oom, request, GpuPresets.DEFAULT);
        RecoveryOption fitFrames = option(planner.plan(oom, request, GpuPresets.DEFAULT),
                RecoveryAction.FIT_FRAMES_TO_MEMORY);

        int frames = fitFrames.request().frames();
        assertThat(frames).isLessThan(81).isGreaterThanOrEqualTo(17);
        assertThat(fitFrames.fitsEstimate()).isTrue();
        assertThat(FitSearch.fits(wan13b, fitFrames.request(), context.budgetBytes(), context.correction())).isTrue();
        GenerationRequest fourMore = fitFrames.request().toBuilder().frames(frames + 4).build();
        assertThat(FitSearch.fits(wan13b, fourMore, context.budgetBytes(), context.correction())).isFalse();
        assertThat(fitFrames.reason()).contains("estimate x2.");
    }

    @Test
    void afterAnOomInTheSamplerTheBestOptionFitsAndCostsNoQuality() {
        List<RecoveryOption> options = planner.plan(oomOn4080("KSampler"), wanOffloaded(), GpuPresets.DEFAULT);
        RecoveryOption best = options.get(0);
        assertThat(best.fitsEstimate()).isTrue();
        assertThat(best.action().qualityImpact()).isZero();
        assertThat(best.automatic()).isTrue();
        assertThat(options).extracting(RecoveryOption::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // Request actions that change nothing are left out: the text encoder is already on the CPU.
        assertThat(options).extracting(RecoveryOption::action).doesNotContain(RecoveryAction.TEXT_ENCODER_ON_CPU);
    }

    @Test
    void anOomInTheVaeDecoderPutsTilingFirst() {
        GenerationRequest request = GenerationRequest.builder(models.require("wan2.2-ti2v-5b"), Workflow.TEXT_TO_VIDEO)
                .prompt("a fox").offload(Offload.MODEL).textEncoderOnCpu(true).build();
        GenerationError oom = error(GenerationErrorCategory.MEMORY_MANAGEMENT,
                new ErrorDetails(2 * GIB, (long) (23.6 * GIB), GIB / 2, 0, "VAEDecode", "torch.OutOfMemoryError", ""));
        RecoveryOption best = planner.plan(oom, request, GpuPresets.require("4090")).get(0);
        assertThat(best.action()).isEqualTo(RecoveryAction.ENABLE_VAE_TILING);
        assertThat(best.reason()).contains("VAEDecode");
    }

    @Test
    void memoryHeldByOtherProcessesMakesFreeingItLikelierAndShrinksTheBudget() {
        GenerationRequest request = GenerationRequest.builder(models.require("wan2.1-t2v-14b"), Workflow.TEXT_TO_VIDEO)
                .prompt("a fox").size(832, 480).offload(Offload.MODEL).build();
        GenerationError oom = error(GenerationErrorCategory.MEMORY_MANAGEMENT, new ErrorDetails(GIB / 10,
                (long) (44.53 * GIB), GIB / 10, 30 * GIB, "KSampler", "torch.OutOfMemoryError", ""));
        GpuProfile gpu = GpuProfile.ofVram(44.53);
        RecoveryContext context = planner.contextFor(oom, request, gpu);
        assertThat(RecoveryPlanner.foreignBytes(oom.details())).isGreaterThan(13 * GIB);
        assertThat(context.capacityBytes()).isLessThan(31 * GIB);
        RecoveryOption free = option(planner.plan(oom, request, gpu), RecoveryAction.FREE_GPU_MEMORY);
        assertThat(free.successProbability()).isGreaterThanOrEqualTo(0.7);
        assertThat(free.reason()).contains("held outside this job");
    }

    @Test
    void withoutNumbersAnOomStillProvesThePeakExceededTheCapacity() {
        double correction = RecoveryPlanner.correction(ErrorDetails.NONE, 10 * GIB, 16 * GIB);
        assertThat(correction).isCloseTo(16 * 1.05 / 10, within(1e-9));
        assertThat(RecoveryPlanner.correction(ErrorDetails.NONE, 40 * GIB, 16 * GIB)).isEqualTo(1.0);
    }

    @Test
    void nanWithFp16SwitchesToBf16First() {
        GenerationRequest fp16 = wanOffloaded().toBuilder().precision(Precision.FP16).build();
        List<RecoveryOption> options = planner.plan(error(GenerationErrorCategory.INFERENCE, ErrorDetails.NONE), fp16,
                GpuPresets.DEFAULT);
        assertThat(options.get(0).action()).isEqualTo(RecoveryAction.SWITCH_TO_BF16);
        assertThat(options.get(0).request().precision()).isEqualTo(Precision.BF16);
        assertThat(options).extracting(RecoveryOption::action).contains(RecoveryAction.NEW_SEED);
    }

    @Test
    void fp8KernelsOnAnAmpereGpuSwitchToBf16First() {
        GenerationRequest fp8 = wanOffloaded().toBuilder().precision(Precision.FP8).build();
        RecoveryOption best = planner.plan(error(GenerationErrorCategory.HARDWARE_OPTIMIZATION, ErrorDetails.NONE),
                fp8, GpuPresets.require("3090")).get(0);
        assertThat(best.action()).isEqualTo(RecoveryAction.SWITCH_TO_BF16);
        assertThat(best.reason()).contains("no native FP8");
    }

    @Test
    void anUnreachableBackendGetsOnlyAutomaticBackendMoves() {
        List<RecoveryOption> options = planner.plan(error(GenerationErrorCategory.BACKEND_UNAVAILABLE,
                ErrorDetails.NONE), wanOffloaded(), GpuPresets.DEFAULT);
        assertThat(options).isNotEmpty().allMatch(o -> o.action().kind() == ActionKind.BACKEND)
                .allMatch(o -> o.request().equals(wanOffloaded()));
        assertThat(options.get(0).action()).isEqualTo(RecoveryAction.WAIT_FOR_BACKEND);
        assertThat(options.get(options.size() - 1).action()).isEqualTo(RecoveryAction.FALL_BACK_TO_CPU_PLACEHOLDER);
    }

    @Test
    void aMissingModelFileNeedsAPersonFirstAndOffersAnAlternativeModel() {
        List<RecoveryOption> options = planner.plan(error(GenerationErrorCategory.MODEL_LOADING, ErrorDetails.NONE),
                wanOffloaded(), GpuPresets.DEFAULT);
        assertThat(options.get(0).action()).isEqualTo(RecoveryAction.DOWNLOAD_MISSING_WEIGHTS);
        RecoveryOption alternative = option(options, RecoveryAction.SWITCH_TO_ALTERNATIVE_MODEL);
        assertThat(alternative.request().modelId()).isNotEqualTo("wan2.1-t2v-1.3b").startsWith("wan");
    }

    @Test
    void aBadSizeIsRepairedByTheValidatorFirst() {
        GenerationRequest odd = wanOffloaded().toBuilder().size(1000, 500).frames(80).build();
        RecoveryOption best = planner.plan(error(GenerationErrorCategory.PARAMETER_VALIDATION, ErrorDetails.NONE),
                odd, GpuPresets.DEFAULT).get(0);
        assertThat(best.action()).isEqualTo(RecoveryAction.VALIDATE_AND_SNAP_REQUEST);
        assertThat(best.request().size()).hasToString("992x496");
        assertThat(best.request().frames()).isEqualTo(81);
    }

    @Test
    void aCancellationIsNeverRetriedAutomatically() {
        List<RecoveryOption> options = planner.plan(error(GenerationErrorCategory.INTERRUPTED, ErrorDetails.NONE),
                wanOffloaded(), GpuPresets.DEFAULT);
        assertThat(options).isNotEmpty().noneMatch(RecoveryOption::automatic);
    }

    @Test
    void anUnknownModelStillGetsBackendAndHumanOptions() {
        GenerationRequest unknown = wanOffloaded().toBuilder().modelId("sora").build();
        List<RecoveryOption> options = planner.plan(error(GenerationErrorCategory.UNKNOWN, ErrorDetails.NONE), unknown,
                GpuPresets.DEFAULT);
        assertThat(options).extracting(RecoveryOption::action).contains(RecoveryAction.RETRY_AS_IS,
                RecoveryAction.REPORT_TO_OPERATOR);
        assertThat(options).allMatch(o -> o.estimatedPeakBytes() == 0);
    }

    private static RecoveryOption option(List<RecoveryOption> options, RecoveryAction action) {
        return options.stream().filter(o -> o.action() == action).findFirst()
                .orElseThrow(() -> new AssertionError(action + " not offered: " + options));
    }
}
