package dev.storycore.generation.fallback;

import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.HARDWARE_OPTIMIZATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.TIMEOUT;
import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_INTEGRITY;
import static dev.storycore.generation.fallback.FallbackStrategyType.ALTERNATIVE_MODEL;
import static dev.storycore.generation.fallback.FallbackStrategyType.COMPONENT_ISOLATION;
import static dev.storycore.generation.fallback.FallbackStrategyType.OPTIMIZATION_FALLBACK;
import static dev.storycore.generation.fallback.FallbackStrategyType.PIPELINE_SUBSTITUTION;
import static dev.storycore.generation.fallback.FallbackStrategyType.REDUCED_FUNCTIONALITY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FallbackStrategiesTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();

    @TempDir
    Path root;

    private final FallbackHandler handler = new FallbackHandler(MODELS);

    @Test
    void aCorruptTextEncoderGetsComponentIsolationAndAnAlternativeModel() throws IOException {
        Path small = LocalFolders.diffusersWanSmall(root.resolve("small"));
        LocalFolders.diffusersWanLarge(root.resolve("large"));
        LocalFolders.truncate(small.resolve("text_encoder/model.safetensors"));
        var handler = new FallbackHandler(MODELS, LocalModelCatalog.scan(root, MODELS));
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(small)).build();

        List<FallbackStrategy> strategies = handler.strategies(failed,
                Errors.of(WEIGHTS_INTEGRITY, "Error while deserializing header: incomplete metadata"));

        assertThat(strategies).extracting(FallbackStrategy::type).containsExactly(COMPONENT_ISOLATION,
                ALTERNATIVE_MODEL, PIPELINE_SUBSTITUTION);
        FallbackStrategy isolation = strategies.get(0);
        assertThat(isolation.automatic()).isTrue();
        assertThat(isolation.successProbability()).isEqualTo(0.85);
        assertThat(isolation.summary()).isEqualTo("Load text_encoder from a healthy copy on disk.");
        assertThat(isolation.steps()).singleElement().asString().startsWith("Load text_encoder from "
                + root.resolve("large/text_encoder"));
        assertThat(isolation.limitations()).anyMatch(line -> line.contains("another precision"));
        assertThat(strategies.get(2).automatic()).isFalse();
    }

    @Test
    void outOfMemoryGetsOptimizationReducedFunctionalityAndAnAlternative() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("hunyuan-video-t2v"),
                Workflow.TEXT_TO_VIDEO).prompt("a lighthouse at dusk").build();
        FailedPipeline failed = FailedPipeline.builder().request(request).gpu(GpuProfile.ofVram(16)).build();

        List<FallbackStrategy> strategies = handler.strategies(failed, Errors.outOfMemory());

        assertThat(strategies).extracting(FallbackStrategy::type).containsExactlyInAnyOrder(OPTIMIZATION_FALLBACK,
                REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
        assertThat(strategies).extracting(FallbackStrategy::successProbability)
                .isSortedAccordingTo(Comparator.reverseOrder());
        FallbackStrategy optimization = strategies.stream().filter(s -> s.type() == OPTIMIZATION_FALLBACK)
                .findFirst().orElseThrow();
        assertThat(optimization.steps()).anyMatch(step -> step.startsWith("Load the diffusion weights as FP8"));
        assertThat(optimization.limitations()).anyMatch(line -> line.contains("small quality cost"));
        FallbackStrategy reduced = strategies.stream().filter(s -> s.type() == REDUCED_FUNCTIONALITY).findFirst()
                .orElseThrow();
        assertThat(reduced.resources().fitsBudget()).isTrue();
        assertThat(reduced.limitations()).anyMatch(line -> line.startsWith("Shorter clip: 129 -> "));
        assertThat(reduced.resources().peakVramGb()).isLessThanOrEqualTo(reduced.resources().budgetGb());
    }

    @Test
    void aMissingComponentGetsIsolationAndSubstitutionButNoDownloadIsAutomatic() throws IOException {
        Path folder = LocalFolders.diffusersWanSmall(root.resolve("wan"));
        deleteTree(folder.resolve("vae"));
        FailedPipeline failed = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(folder)).build();

        List<FallbackStrategy> strategies = handler.strategies(failed, Errors.of(MODEL_LOADING,
                "OSError: Error no file named diffusion_pytorch_model.safetensors found in directory vae"));

        assertThat(strategies).extracting(FallbackStrategy::type).contains(COMPONENT_ISOLATION,
                PIPELINE_SUBSTITUTION, ALTERNATIVE_MODEL);
        FallbackStrategy isolation = strategies.stream().filter(s -> s.type() == COMPONENT_ISOLATION).findFirst()
                .orElseThrow();
        assertThat(isolation.automatic()).isFalse();
        assertThat(isolation.successProbability()).isEqualTo(0.3);
        assertThat(isolation.steps()).singleElement().asString().startsWith("Download a healthy wan2.1-vae");
    }

    @Test
    void aConditioningErrorNamingTheTextEncoderWithoutAFolderStillIsolatesIt() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.1-i2v-14b-480p"),
                Workflow.IMAGE_TO_VIDEO).prompt("a fox").inputImage("fox.png").build();
        FailedPipeline failed = FailedPipeline.builder().request(request).build();

        List<FallbackStrategyType> types = handler.applicableTypes(failed,
                Errors.of(CONDITIONING, "The text encoder returned NaN embeddings"));

        assertThat(types).containsExactly(COMPONENT_ISOLATION, REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
    }

    @Test
    void categoriesWithoutAFailingComponentSkipIsolation() {
        FailedPipeline failed = FailedPipeline.builder().modelId("wan2.1-t2v-1.3b").build();

        assertThat(handler.applicableTypes(failed, Errors.of(CONDITIONING, "mask has the wrong shape")))
                .containsExactly(REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
        assertThat(handler.applicableTypes(failed, Errors.of(HARDWARE_OPTIMIZATION, "no kernel image")))
                .containsExactly(OPTIMIZATION_FALLBACK);
        assertThat(handler.applicableTypes(failed, Errors.of(PARAMETER_VALIDATION, "not divisible by 16")))
                .containsExactly(REDUCED_FUNCTIONALITY);
        assertThat(handler.applicableTypes(failed, Errors.of(TIMEOUT, "timed out")))
                .containsExactly(REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
    }

    @ParameterizedTest
    @EnumSource(value = GenerationErrorCategory.class, names = {"BACKEND_UNAVAILABLE", "INTERRUPTED"})
    void retryingOrStoppingIsNotAFallback(GenerationErrorCategory category) {
        FailedPipeline failed = FailedPipeline.builder().modelId("wan2.1-t2v-1.3b").build();

        assertThat(handler.strategies(failed, Errors.of(category, "connection refused"))).isEmpty();
    }

    @Test
    void withoutAKnownModelOnlyComponentIsolationRemains() {
        FailedPipeline failed = FailedPipeline.builder().modelId("my-private-model").build();

        List<FallbackStrategy> strategies = handler.strategies(failed, Errors.of(WEIGHTS_INTEGRITY,
                "umt5_xxl_fp8_e4m3fn_scaled.safetensors: header too large"));

        assertThat(strategies).extracting(FallbackStrategy::type).containsExactly(COMPONENT_ISOLATION);
        assertThat(strategies.get(0).resources().peakVramGb()).isZero();
        assertThat(strategies.get(0).steps()).singleElement().asString()
                .startsWith("Download a healthy umt5-xxl (such as umt5_xxl_fp8_e4m3fn_scaled.safetensors)");
    }

    @Test
    void everyStrategyIsWellFormed() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.2-ti2v-5b"),
                Workflow.TEXT_TO_VIDEO).prompt("rain on a window").build();
        FailedPipeline failed = FailedPipeline.builder().request(request).gpu(GpuProfile.ofVram(12)).build();

        int seen = 0;
        for (GenerationErrorCategory category : GenerationErrorCategory.values()) {
            for (FallbackStrategy strategy : handler.strategies(failed, Errors.of(category, "failure"))) {
                assertThat(strategy.summary()).as(category + " " + strategy.type()).isNotBlank();
                assertThat(strategy.successProbability()).isBetween(0.0, 1.0);
                assertThat(strategy.resources().budgetGb()).isEqualTo(12.0);
                seen++;
            }
        }
        assertThat(seen).isGreaterThan(GenerationErrorCategory.values().length);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }
}
