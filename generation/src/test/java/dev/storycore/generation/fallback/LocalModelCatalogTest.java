package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModelCatalogTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();

    @TempDir
    Path root;

    @Test
    void recognisesAComfyUiModelByItsFileNamesAndNeedsItsCompanions() throws IOException {
        LocalFolders.comfyWanSmall(root);

        LocalModelCatalog catalog = LocalModelCatalog.scan(root, MODELS);

        assertThat(catalog.models()).singleElement().satisfies(model -> {
            assertThat(model.modelId()).isEqualTo("wan2.1-t2v-1.3b");
            assertThat(model.layout()).isEqualTo(ModelLayout.COMFYUI);
            assertThat(model.usable()).isTrue();
            assertThat(model.matchedBy()).isEqualTo("file name wan2.1_t2v_1.3B_fp16.safetensors");
            assertThat(model.path()).endsWith("models/diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors");
            assertThat(model.files()).containsExactly("diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors",
                    "text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors", "vae/wan_2.1_vae.safetensors");
        });
        assertThat(catalog.usableCopy("wan2.1-t2v-1.3b")).isPresent();
        assertThat(catalog.components()).extracting(LocalComponent::key)
                .containsExactly("transformer:wan2.1-t2v-1.3b", "umt5-xxl", "wan2.1-vae");
    }

    @Test
    void aComfyUiModelWithoutItsOwnVaeIsNotUsable() throws IOException {
        LocalFolders.comfy(root, "diffusion_models/wan2.2_ti2v_5B_fp16.safetensors",
                "text_encoders/umt5_xxl_fp16.safetensors", "vae/wan_2.1_vae.safetensors");

        LocalModel model = LocalModelCatalog.scan(root, MODELS).models().get(0);

        assertThat(model.modelId()).isEqualTo("wan2.2-ti2v-5b");
        assertThat(model.usable()).isFalse();
        assertThat(model.problems()).singleElement().asString()
                .startsWith("No Wan2.2 VAE (such as wan2.2_vae.safetensors) in ");
    }

    @Test
    void aMixtureOfExpertsNeedsBothExperts() throws IOException {
        LocalFolders.comfy(root, "diffusion_models/wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors",
                "text_encoders/umt5_xxl_fp16.safetensors", "vae/wan_2.1_vae.safetensors");

        LocalModel model = LocalModelCatalog.scan(root, MODELS).models().get(0);

        assertThat(model.modelId()).isEqualTo("wan2.2-t2v-a14b");
        assertThat(model.usable()).isFalse();
        assertThat(model.problems()).singleElement().asString().contains("low-noise expert");
    }

    @Test
    void aTruncatedCompanionMakesTheModelUnusableAndSaysWhy() throws IOException {
        LocalFolders.comfyWanSmall(root);
        LocalFolders.truncate(root.resolve("models/text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors"));

        LocalModel model = LocalModelCatalog.scan(root, MODELS).models().get(0);

        assertThat(model.usable()).isFalse();
        assertThat(model.problems()).singleElement().asString()
                .startsWith("text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors is INCOMPLETE: ");
    }

    @Test
    void recognisesHunyuanVideoFromItsFourFiles() throws IOException {
        LocalFolders.comfy(root, "diffusion_models/hunyuan_video_t2v_720p_bf16.safetensors",
                "text_encoders/clip_l.safetensors", "text_encoders/llava_llama3_fp8_scaled.safetensors",
                "vae/hunyuan_video_vae_bf16.safetensors");

        LocalModel model = LocalModelCatalog.scan(root, MODELS).models().get(0);

        assertThat(model.modelId()).isEqualTo("hunyuan-video-t2v");
        assertThat(model.usable()).isTrue();
    }

    @Test
    void scansEachDiffusersSubfolderAndMatchesItByTransformerConfig() throws IOException {
        LocalFolders.diffusersWanSmall(root.resolve("Wan2.1-T2V-1.3B-Diffusers"));
        LocalFolders.diffusersWanLarge(root.resolve("big"));
        Files.createDirectories(root.resolve("outputs"));

        LocalModelCatalog catalog = LocalModelCatalog.scan(root, MODELS);

        assertThat(catalog.models()).extracting(LocalModel::modelId).containsExactly("wan2.1-t2v-1.3b",
                "wan2.1-t2v-14b");
        LocalModel small = catalog.models().get(0);
        assertThat(small.layout()).isEqualTo(ModelLayout.DIFFUSERS);
        assertThat(small.usable()).isTrue();
        assertThat(small.matchedBy()).isEqualTo(
                "pipeline WanPipeline, transformer config: 12 heads, 30 layers, 16 input channels");
        assertThat(catalog.components()).filteredOn(c -> c.name().equals("text_encoder"))
                .extracting(LocalComponent::key).containsOnly("umt5-xxl");
    }

    @Test
    void readsTheTransformerConfigOfAHuggingFaceCacheSnapshot() throws IOException {
        Path repository = root.resolve("hub/models--someone--wan-small");
        Path snapshot = LocalFolders.diffusersWanSmall(repository.resolve("snapshots/0fad5f8a"));
        ModelFolders.text(repository.resolve("refs/main"), "0fad5f8a");

        LocalModelCatalog catalog = LocalModelCatalog.scan(root.resolve("hub"), MODELS);

        assertThat(catalog.models()).singleElement().satisfies(model -> {
            assertThat(model.layout()).isEqualTo(ModelLayout.HF_CACHE);
            assertThat(model.modelId()).isEqualTo("wan2.1-t2v-1.3b");
            assertThat(model.matchedBy()).contains("12 heads");
            assertThat(model.path()).isEqualTo(repository.toString());
        });
        assertThat(catalog.components()).filteredOn(c -> c.name().equals("vae")).singleElement()
                .extracting(LocalComponent::path).isEqualTo(snapshot.toRealPath().resolve("vae").toString());
    }

    @Test
    void withoutAConfigTheFolderNameTellsTheSize() throws IOException {
        Path folder = ModelFolders.wanTextToVideo(root.resolve("Wan2.1-T2V-14B-Diffusers"));

        LocalModelCatalog catalog = LocalModelCatalog.scan(folder, MODELS);

        assertThat(catalog.models()).singleElement().extracting(LocalModel::modelId).isEqualTo("wan2.1-t2v-14b");
    }

    @Test
    void aBoundaryRatioMeansWan22MixtureOfExperts() throws IOException {
        Path folder = LocalFolders.diffusersWanLarge(root.resolve("a14b"));
        ModelFolders.text(folder.resolve("model_index.json"), """
                {"_class_name": "WanPipeline", "boundary_ratio": 0.875,
                 "scheduler": ["diffusers", "UniPCMultistepScheduler"],
                 "text_encoder": ["transformers", "UMT5EncoderModel"],
                 "tokenizer": ["transformers", "T5TokenizerFast"],
                 "transformer": ["diffusers", "WanTransformer3DModel"],
                 "transformer_2": ["diffusers", "WanTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLWan"]}""");

        LocalModel model = LocalModelCatalog.scan(folder, MODELS).models().get(0);

        assertThat(model.modelId()).isEqualTo("wan2.2-t2v-a14b");
        assertThat(model.usable()).isFalse();
        assertThat(model.problems()).anyMatch(problem -> problem.startsWith("transformer_2/ is missing"));
    }

    @Test
    void anUnknownPipelineIsListedButNotRecognised() throws IOException {
        Path folder = ModelFolders.wanTextToVideo(root.resolve("mystery"));
        ModelFolders.text(folder.resolve("model_index.json"), """
                {"_class_name": "MysteryPipeline", "transformer": ["diffusers", "X"]}""");

        LocalModel model = LocalModelCatalog.scan(folder, MODELS).models().get(0);

        assertThat(model.recognised()).isFalse();
        assertThat(model.usable()).isFalse();
        assertThat(model.problems()).contains("MysteryPipeline folder not matched to a known model.");
    }

    @Test
    void findsAHealthyReplacementForABrokenComponentInAnotherModelsFolder() throws IOException {
        Path small = LocalFolders.diffusersWanSmall(root.resolve("small"));
        LocalFolders.diffusersWanLarge(root.resolve("large"));
        LocalFolders.truncate(small.resolve("text_encoder/model.safetensors"));
        LocalModelCatalog catalog = LocalModelCatalog.scan(root, MODELS);
        LocalComponent broken = catalog.components().stream()
                .filter(c -> c.modelId().equals("wan2.1-t2v-1.3b") && c.name().equals("text_encoder"))
                .findFirst().orElseThrow();

        assertThat(broken.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(catalog.replacementsFor(broken)).singleElement().satisfies(replacement -> {
            assertThat(replacement.path()).isEqualTo(root.resolve("large/text_encoder").toString());
            assertThat(replacement.modelId()).isEqualTo("wan2.1-t2v-14b");
        });
        assertThat(catalog.usableCopy("wan2.1-t2v-1.3b")).isEmpty();
    }

    @Test
    void aTransformerIsOnlyReplacedByAnotherCopyOfTheSameModel() throws IOException {
        Path small = LocalFolders.diffusersWanSmall(root.resolve("small"));
        LocalFolders.diffusersWanLarge(root.resolve("large"));
        LocalFolders.truncate(small.resolve("transformer/diffusion_pytorch_model.safetensors"));
        LocalModelCatalog catalog = LocalModelCatalog.scan(root, MODELS);
        LocalComponent broken = catalog.components().stream()
                .filter(c -> c.key().equals("transformer:wan2.1-t2v-1.3b")).findFirst().orElseThrow();

        assertThat(catalog.replacementsFor(broken)).isEmpty();
    }

    @Test
    void skipsHiddenFoldersAndLinksLeavingTheModelsFolder(@TempDir Path elsewhere) throws IOException {
        LocalFolders.diffusersWanSmall(root.resolve(".cache"));
        LocalFolders.diffusersWanSmall(elsewhere.resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked"), elsewhere.resolve("outside"));

        assertThat(LocalModelCatalog.scan(root, MODELS).models()).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAFolder() throws IOException {
        Path file = ModelFolders.text(root.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> LocalModelCatalog.scan(file, MODELS)).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("not a folder: ");
    }
}
