package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlternativeModelSuggesterTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();

    @Test
    void hunyuanOnSixteenGigabytesFallsBackToTheSmallWanModels() {
        Suggestions suggestions = new AlternativeModelSuggester(MODELS).suggest("hunyuan-video-t2v", 16);

        assertThat(suggestions.alternatives()).extracting(Alternative::modelId).startsWith("wan2.2-ti2v-5b",
                "wan2.1-t2v-1.3b").doesNotContain("hunyuan-video-t2v", "hunyuan-video-i2v", "wan-alpha");
        Alternative fiveB = suggestions.alternatives().get(0);
        assertThat(fiveB.resources().fits()).isTrue();
        assertThat(fiveB.resources().offload()).isEqualTo(Offload.SEQUENTIAL);
        assertThat(fiveB.resources().settings()).containsExactly("sequential offload: offload NONE -> SEQUENTIAL");
        assertThat(fiveB.resources().size()).isEqualTo("1280x704");
        assertThat(fiveB.parity().lost()).containsExactly("129 frames (up to 121)",
                "13B parameters (5B: less detail and motion fidelity)");
        assertThat(fiveB.parity().kept()).contains("text-to-video", "720p (1280x704)", "24 fps");
        Alternative small = suggestions.alternatives().get(1);
        assertThat(small.resources().fitsAsIs()).isTrue();
        assertThat(small.parity().lost()).contains("720p (up to 832x480)", "24 fps (16 fps)");
        assertThat(suggestions.target().fits()).isTrue();
        assertThat(suggestions.target().cuts()).isTrue();
    }

    @Test
    void scoresAreTheDocumentedWeightedSumInDescendingOrder() {
        List<Alternative> alternatives = new AlternativeModelSuggester(MODELS).suggest("hunyuan-video-t2v", 16)
                .alternatives();

        assertThat(alternatives).allSatisfy(alternative -> {
            ScoreParts parts = alternative.scoreParts();
            assertThat(alternative.score()).isBetween(0.0, 1.0).isCloseTo(0.35 * parts.workflows()
                    + 0.25 * parts.fidelity() + 0.30 * parts.fit() + 0.10 * parts.local(),
                    org.assertj.core.data.Offset.offset(0.001));
        });
        assertThat(alternatives).extracting(Alternative::score).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
    }

    @Test
    void aSmallBudgetNeedsFp8AndTheTextEncoderOnTheCpu() {
        Alternative small = new AlternativeModelSuggester(MODELS).suggest("hunyuan-video-t2v", 8)
                .alternative("wan2.1-t2v-1.3b").orElseThrow();

        assertThat(small.resources().fits()).isTrue();
        assertThat(small.resources().cuts()).isFalse();
        assertThat(small.resources().settings()).containsExactly("text encoder on CPU: text encoder on CPU",
                "FP8 weights: precision BF16 -> FP8");
        assertThat(small.resources().peakGb()).isLessThanOrEqualTo(small.resources().usableGb());
        assertThat(small.scoreParts().fit()).isEqualTo(0.87);
    }

    @Test
    void aUsableLocalCopyRaisesTheRank(@TempDir Path models) throws IOException {
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfyWanSmall(models), MODELS);

        Suggestions suggestions = new AlternativeModelSuggester(MODELS, local).suggest("hunyuan-video-t2v", 16);

        Alternative first = suggestions.alternatives().get(0);
        assertThat(first.modelId()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(first.local()).isTrue();
        assertThat(first.localPath()).endsWith("wan2.1_t2v_1.3B_fp16.safetensors");
        assertThat(first.scoreParts().local()).isEqualTo(1.0);
        assertThat(suggestions.localModels()).extracting(LocalModel::modelId).containsExactly("wan2.1-t2v-1.3b");
    }

    @Test
    void aBrokenLocalCopyDoesNotCount(@TempDir Path models) throws IOException {
        LocalFolders.comfyWanSmall(models);
        LocalFolders.truncate(models.resolve("models/vae/wan_2.1_vae.safetensors"));
        LocalModelCatalog local = LocalModelCatalog.scan(models, MODELS);

        Alternative small = new AlternativeModelSuggester(MODELS, local).suggest("hunyuan-video-t2v", 16)
                .alternative("wan2.1-t2v-1.3b").orElseThrow();

        assertThat(small.local()).isFalse();
        assertThat(small.localPath()).isEmpty();
    }

    @Test
    void anImageToVideoTargetOnlyGetsModelsThatTakeAnImage() {
        Suggestions suggestions = new AlternativeModelSuggester(MODELS).suggest("wan2.1-i2v-14b-720p", 24);

        assertThat(suggestions.alternative("wan2.1-t2v-1.3b")).isEmpty();
        assertThat(suggestions.alternative("wan2.2-ti2v-5b").orElseThrow().scoreParts().workflows()).isEqualTo(1.0);
    }

    @Test
    void aPartialWorkflowMatchListsTheWorkflowsLost() {
        Suggestions suggestions = new AlternativeModelSuggester(MODELS).suggest("wan2.1-vace-14b", 24);

        Alternative textOnly = suggestions.alternative("wan2.1-t2v-1.3b").orElseThrow();
        assertThat(textOnly.parity().lost()).contains("image-to-video", "inpaint");
        assertThat(textOnly.scoreParts().workflows()).isEqualTo(0.333);
    }

    @Test
    void aTransparentVideoModelHasNoAlternative() {
        Suggestions suggestions = new AlternativeModelSuggester(MODELS).suggest("wan-alpha", 24);

        assertThat(suggestions.alternatives()).isEmpty();
        assertThat(suggestions.best()).isEmpty();
    }

    @Test
    void alternativesForARequestKeepItsWorkflowAndSize() {
        GenerationRequest request = GenerationRequest.builder(MODELS.require("wan2.1-i2v-14b-480p"),
                Workflow.IMAGE_TO_VIDEO).prompt("a fox").inputImage("fox.png").build();

        List<Alternative> alternatives = new AlternativeModelSuggester(MODELS)
                .alternativesFor(request, GpuProfile.bytes(24));

        assertThat(alternatives).extracting(Alternative::modelId).containsExactlyInAnyOrder("hunyuan-video-i2v",
                "wan2.1-i2v-14b-720p", "wan2.1-vace-14b", "wan2.2-i2v-a14b", "wan2.2-ti2v-5b");
        Alternative fiveB = alternatives.stream().filter(a -> a.modelId().equals("wan2.2-ti2v-5b")).findFirst()
                .orElseThrow();
        assertThat(fiveB.resources().request().workflow()).isEqualTo(Workflow.IMAGE_TO_VIDEO);
        assertThat(fiveB.resources().request().inputImage()).isEqualTo("fox.png");
        assertThat(fiveB.resources().request().width() % 32).isZero();
    }

    @Test
    void refusesAnUnknownTargetAndABadBudget() {
        var suggester = new AlternativeModelSuggester(MODELS);

        assertThatThrownBy(() -> suggester.suggest("sora", 16)).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("unknown model 'sora'");
        assertThatThrownBy(() -> suggester.suggest("wan2.1-t2v-1.3b", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suggester.suggest(MODELS.require("wan2.1-t2v-1.3b"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budgetBytes");
    }
}
