package dev.storycore.generation.fallback;

import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.HARDWARE_OPTIMIZATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.TEMPORAL_PROCESSING;
import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_DOWNLOAD;
import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_INTEGRITY;
import static dev.storycore.generation.fallback.FallbackStrategyType.ALTERNATIVE_MODEL;
import static dev.storycore.generation.fallback.FallbackStrategyType.COMPONENT_ISOLATION;
import static dev.storycore.generation.fallback.FallbackStrategyType.OPTIMIZATION_FALLBACK;
import static dev.storycore.generation.fallback.FallbackStrategyType.PIPELINE_SUBSTITUTION;
import static dev.storycore.generation.fallback.FallbackStrategyType.REDUCED_FUNCTIONALITY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackExecutionTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();

    @TempDir
    Path root;

    private final GenerationRequest hunyuan = GenerationRequest.builder(MODELS.require("hunyuan-video-t2v"),
            Workflow.TEXT_TO_VIDEO).prompt("a lighthouse at dusk").seed(7).build();
    private final FailedPipeline hunyuanOn16 = FailedPipeline.builder().request(hunyuan)
            .gpu(GpuProfile.ofVram(16)).build();

    @Test
    void alternativeModelPicksARegistryModelThatFitsAndMovesTheRequest() {
        FallbackResult result = new FallbackHandler(MODELS).execute(ALTERNATIVE_MODEL, hunyuanOn16,
                Errors.outOfMemory());

        assertThat(result).isInstanceOfSatisfying(FallbackResult.ModelSwitch.class, change -> {
            assertThat(change.modelId()).isEqualTo("wan2.2-ti2v-5b");
            assertThat(change.localPath()).isEmpty();
            assertThat(change.fits()).isTrue();
            assertThat(change.request().modelId()).isEqualTo("wan2.2-ti2v-5b");
            assertThat(change.request().prompt()).isEqualTo("a lighthouse at dusk");
            assertThat(change.request().seed()).isEqualTo(7);
            assertThat(change.request().width() % 32).isZero();
            assertThat(change.steps().get(0)).startsWith("Fetch the weights of wan2.2-ti2v-5b");
        });
        assertThat(result.success()).isTrue();
        assertThat(result.needsHuman()).isFalse();
    }

    @Test
    void alternativeModelPrefersAUsableCopyOnDisk() throws IOException {
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfyWanSmall(root), MODELS);

        FallbackResult result = new FallbackHandler(MODELS, local).execute(ALTERNATIVE_MODEL, hunyuanOn16,
                Errors.outOfMemory());

        assertThat(result).isInstanceOfSatisfying(FallbackResult.ModelSwitch.class, change -> {
            assertThat(change.modelId()).isEqualTo("wan2.1-t2v-1.3b");
            assertThat(change.localPath()).endsWith("wan2.1_t2v_1.3B_fp16.safetensors");
            assertThat(change.request().size().toString()).isEqualTo("832x480");
            assertThat(change.request().frames()).isEqualTo(81);
        });
    }

    @Test
    void afterAFailedDownloadAModelOnDiskBeatsAHigherScoringOneToFetch() throws IOException {
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfy(root,
                "diffusion_models/wan2.1_t2v_14B_fp16.safetensors", "text_encoders/umt5_xxl_fp16.safetensors",
                "vae/wan_2.1_vae.safetensors"), MODELS);
        var handler = new FallbackHandler(MODELS, local);

        FallbackResult afterDownload = handler.execute(ALTERNATIVE_MODEL, hunyuanOn16,
                Errors.of(WEIGHTS_DOWNLOAD, "403 Client Error: Forbidden for url"));
        FallbackResult afterMemory = handler.execute(ALTERNATIVE_MODEL, hunyuanOn16, Errors.outOfMemory());

        assertThat(afterDownload).isInstanceOfSatisfying(FallbackResult.ModelSwitch.class, change -> {
            assertThat(change.modelId()).isEqualTo("wan2.1-t2v-14b");
            assertThat(change.localPath()).endsWith("wan2.1_t2v_14B_fp16.safetensors");
        });
        assertThat(afterMemory).isInstanceOfSatisfying(FallbackResult.ModelSwitch.class,
                change -> assertThat(change.modelId()).isEqualTo("wan2.2-ti2v-5b"));
    }

    @Test
    void optimizationFallbackReturnsAChangedRequestThatFitsTheCorrectedEstimate() {
        FailedPipeline failed = FailedPipeline.builder().request(GenerationRequest.builder(
                MODELS.require("wan2.1-t2v-1.3b"), Workflow.TEXT_TO_VIDEO).prompt("rain").build())
                .gpu(GpuPresets.DEFAULT).build();

        FallbackResult result = new FallbackHandler(MODELS).execute(OPTIMIZATION_FALLBACK, failed,
                Errors.outOfMemory());

        assertThat(result).isInstanceOfSatisfying(FallbackResult.RequestChange.class, change -> {
            assertThat(change.fits()).isTrue();
            assertThat(change.request().size().toString()).isEqualTo("832x480");
            assertThat(change.request().frames()).isEqualTo(81);
            assertThat(change.request().precision() == Precision.FP8 || change.request().offload() != Offload.NONE
                    || change.request().textEncoderOnCpu()).isTrue();
            assertThat(change.peakGb()).isLessThanOrEqualTo(15.2);
            assertThat(change.steps()).isNotEmpty();
        });
    }

    @Test
    void reducedFunctionalityCutsTheClipToFitAndKeepsTheModel() {
        FallbackResult result = new FallbackHandler(MODELS).execute(REDUCED_FUNCTIONALITY, hunyuanOn16,
                Errors.outOfMemory());

        assertThat(result).isInstanceOfSatisfying(FallbackResult.RequestChange.class, change -> {
            assertThat(change.request().modelId()).isEqualTo("hunyuan-video-t2v");
            assertThat(change.request().frames()).isLessThan(129);
            assertThat(change.fits()).isTrue();
            assertThat(change.steps()).anyMatch(step -> step.startsWith("Fewer frames: frames 129 -> "));
        });
    }

    @Test
    void reducedFunctionalityDropsTheInputImageAfterAConditioningFailure() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.2-ti2v-5b"),
                Workflow.TEXT_IMAGE_TO_VIDEO).prompt("a fox").inputImage("fox.png").build();

        FallbackResult result = new FallbackHandler(MODELS).execute(REDUCED_FUNCTIONALITY,
                FailedPipeline.builder().request(request).gpu(GpuProfile.ofVram(48)).build(),
                Errors.of(CONDITIONING, "image must be RGB"));

        assertThat(result).isInstanceOfSatisfying(FallbackResult.RequestChange.class, change -> {
            assertThat(change.request().workflow()).isEqualTo(Workflow.TEXT_TO_VIDEO);
            assertThat(change.request().inputImage()).isEmpty();
            assertThat(change.request().modelId()).isEqualTo("wan2.2-ti2v-5b");
        });
    }

    @Test
    void reducedFunctionalitySnapsFramesAfterATemporalError() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.1-t2v-1.3b"),
                Workflow.TEXT_TO_VIDEO).prompt("waves").frames(100).build();

        FallbackResult result = new FallbackHandler(MODELS).execute(REDUCED_FUNCTIONALITY,
                FailedPipeline.builder().request(request).build(),
                Errors.of(TEMPORAL_PROCESSING, "num_frames - 1 has to be divisible by 4"));

        assertThat(result).isInstanceOfSatisfying(FallbackResult.RequestChange.class,
                change -> assertThat(change.request().frames()).isEqualTo(81));
    }

    @Test
    void optimizationForAnUnsupportedKernelChangesPrecisionAndListsBackendSteps() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.1-t2v-1.3b"),
                Workflow.TEXT_TO_VIDEO).prompt("waves").precision(Precision.FP8).build();

        FallbackResult result = new FallbackHandler(MODELS).execute(OPTIMIZATION_FALLBACK,
                FailedPipeline.builder().request(request).gpu(GpuPresets.require("rtx-3090")).build(),
                Errors.of(HARDWARE_OPTIMIZATION, "fp8 e4m3fn not supported"));

        assertThat(result).isInstanceOfSatisfying(FallbackResult.RequestChange.class, change -> {
            assertThat(change.request().precision()).isEqualTo(Precision.BF16);
            assertThat(change.steps()).contains("Backend: switch the attention backend to PyTorch SDPA.");
        });
    }

    @Test
    void componentIsolationFindsAHealthyFileInAnotherComfyUiFolder() throws IOException {
        Path broken = LocalFolders.comfyWanSmall(root.resolve("comfy"));
        LocalFolders.truncate(broken.resolve("models/text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors"));
        Path other = LocalFolders.comfy(root.resolve("other"), "text_encoders/umt5_xxl_fp16.safetensors");
        LocalModelCatalog local = LocalModelCatalog.scan(other, MODELS);
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(broken)).build();

        FallbackResult result = new FallbackHandler(MODELS, local).execute(COMPONENT_ISOLATION, failed,
                Errors.of(WEIGHTS_INTEGRITY, "incomplete metadata, file not fully covered"));

        assertThat(result).isInstanceOfSatisfying(FallbackResult.ComponentSwap.class, swap -> {
            assertThat(swap.replacements()).singleElement().satisfies(replacement -> {
                assertThat(replacement.component()).isEqualTo("text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors");
                assertThat(replacement.key()).isEqualTo("umt5-xxl");
                assertThat(replacement.replacement()).isEqualTo(
                        other.resolve("models/text_encoders/umt5_xxl_fp16.safetensors").toString());
            });
            assertThat(swap.unresolved()).isEmpty();
            assertThat(swap.steps()).singleElement().asString().startsWith(
                    "In the workflow's loader node, select umt5_xxl_fp16.safetensors instead of"
                            + " umt5_xxl_fp8_e4m3fn_scaled.safetensors (copy or link");
        });
        assertThat(result.success()).isTrue();
    }

    @Test
    void componentIsolationWithoutAHealthyCopyOnlyGivesStepsForAPerson() throws IOException {
        Path folder = LocalFolders.comfyWanSmall(root);
        LocalFolders.truncate(folder.resolve("models/vae/wan_2.1_vae.safetensors"));
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(folder)).build();

        FallbackResult result = new FallbackHandler(MODELS).execute(COMPONENT_ISOLATION, failed,
                Errors.of(WEIGHTS_INTEGRITY, "header is truncated"));

        assertThat(result).isInstanceOf(FallbackResult.HumanSteps.class);
        assertThat(result.success()).isFalse();
        assertThat(result.needsHuman()).isTrue();
        assertThat(result.steps()).singleElement().asString()
                .startsWith("Download a healthy wan2.1-vae (such as wan_2.1_vae.safetensors) to replace ");
    }

    @Test
    void pipelineSubstitutionLoadsAnotherUsableCopyOfTheSameModel() throws IOException {
        Path diffusers = LocalFolders.diffusersWanSmall(root.resolve("diffusers/Wan2.1-T2V-1.3B-Diffusers"));
        deleteFile(diffusers.resolve("transformer/diffusion_pytorch_model.safetensors"));
        Path comfy = LocalFolders.comfyWanSmall(root.resolve("comfy"));
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(diffusers)).build();

        FallbackResult result = new FallbackHandler(MODELS, LocalModelCatalog.scan(comfy, MODELS))
                .execute(PIPELINE_SUBSTITUTION, failed, Errors.of(MODEL_LOADING, "no file named"));

        assertThat(result).isInstanceOfSatisfying(FallbackResult.LocalCopy.class, copy -> {
            assertThat(copy.modelId()).isEqualTo("wan2.1-t2v-1.3b");
            assertThat(copy.layout()).isEqualTo(ModelLayout.COMFYUI);
            assertThat(copy.steps()).singleElement().asString().startsWith("In the workflow's loader nodes, select"
                    + " wan2.1_t2v_1.3B_fp16.safetensors, umt5_xxl_fp8_e4m3fn_scaled.safetensors,"
                    + " wan_2.1_vae.safetensors");
        });
    }

    @Test
    void pipelineSubstitutionWithoutACopyNamesTheComfyUiFilesToGet() throws IOException {
        Path diffusers = LocalFolders.diffusersWanSmall(root.resolve("Wan2.1-T2V-1.3B-Diffusers"));
        deleteFile(diffusers.resolve("vae/diffusion_pytorch_model.safetensors"));
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(diffusers)).build();

        FallbackResult result = new FallbackHandler(MODELS).execute(PIPELINE_SUBSTITUTION, failed,
                Errors.of(MODEL_LOADING, "no file named"));

        assertThat(result).isInstanceOf(FallbackResult.HumanSteps.class);
        assertThat(result.steps().get(0)).contains("wan2.1_t2v_1.3B_fp16.safetensors")
                .contains("umt5_xxl_fp8_e4m3fn_scaled.safetensors");
    }

    @Test
    void strategiesThatNeedAModelSayWhyWhenItIsUnknown() {
        FallbackResult result = new FallbackHandler(MODELS).execute(ALTERNATIVE_MODEL,
                FailedPipeline.builder().modelId("sora").build(), Errors.outOfMemory());

        assertThat(result).isInstanceOf(FallbackResult.NotPossible.class);
        assertThat(result.reason()).isEqualTo("The failed model is not known: 'sora' is not in the registry.");
    }

    @Test
    void executingAProposedStrategyDoesWhatItProposed() {
        var handler = new FallbackHandler(MODELS);
        FallbackStrategy proposed = handler.strategies(hunyuanOn16, Errors.outOfMemory()).stream()
                .filter(strategy -> strategy.type() == OPTIMIZATION_FALLBACK).findFirst().orElseThrow();

        FallbackResult result = handler.execute(proposed, hunyuanOn16, Errors.outOfMemory());

        assertThat(result.steps()).isEqualTo(proposed.steps());
        assertThat(result.strategy()).isEqualTo(OPTIMIZATION_FALLBACK);
    }

    private static void deleteFile(Path file) throws IOException {
        java.nio.file.Files.delete(file);
    }
}
