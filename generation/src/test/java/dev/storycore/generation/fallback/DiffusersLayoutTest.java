package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusersLayoutTest {

    @TempDir
    Path root;

    private ComponentReport component(ModelFolderReport report, String name) {
        return report.component(name).orElseThrow(() -> new AssertionError("no component " + name));
    }

    @Test
    void findsACompleteWanFolderUsable() throws IOException {
        ModelFolders.wanTextToVideo(root);

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.DIFFUSERS);
        assertThat(report.pipeline()).isEqualTo("WanPipeline");
        assertThat(report.usable()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.components()).extracting(ComponentReport::name)
                .containsExactly("tokenizer", "text_encoder", "vae", "scheduler", "transformer");
        assertThat(report.components()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ComponentStatus.OK));
        assertThat(component(report, "transformer").files()).extracting(WeightFile::path)
                .containsExactly("transformer/diffusion_pytorch_model.safetensors");
        assertThat(component(report, "text_encoder").files()).extracting(WeightFile::path)
                .containsExactly("text_encoder/model.safetensors");
        assertThat(component(report, "tokenizer").estimatedMemoryBytes()).isZero();
    }

    @Test
    void reportsTheMissingTransformer2OfAWan22A14BIndex() throws IOException {
        ModelFolders.wanTextToVideo(root);
        ModelFolders.text(root.resolve("model_index.json"), """
                {"_class_name": "WanPipeline", "_diffusers_version": "0.35.0.dev0", "boundary_ratio": 0.875,
                 "scheduler": ["diffusers", "UniPCMultistepScheduler"],
                 "text_encoder": ["transformers", "UMT5EncoderModel"],
                 "tokenizer": ["transformers", "T5TokenizerFast"],
                 "transformer": ["diffusers", "WanTransformer3DModel"],
                 "transformer_2": ["diffusers", "WanTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLWan"]}""");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.usable()).isFalse();
        ComponentReport transformer2 = component(report, "transformer_2");
        assertThat(transformer2.status()).isEqualTo(ComponentStatus.MISSING);
        assertThat(transformer2.problems())
                .containsExactly("transformer_2/ is missing; model_index.json lists it as WanTransformer3DModel.");
        assertThat(component(report, "transformer").status()).isEqualTo(ComponentStatus.OK);
    }

    @Test
    void reportsTheMissingImageProcessorOfWanImageToVideo() throws IOException {
        ModelFolders.wanTextToVideo(root);
        ModelFolders.text(root.resolve("model_index.json"), """
                {"_class_name": "WanImageToVideoPipeline", "_diffusers_version": "0.33.0.dev0",
                 "image_encoder": ["transformers", "CLIPVisionModel"],
                 "image_processor": ["transformers", "CLIPImageProcessor"],
                 "scheduler": ["diffusers", "UniPCMultistepScheduler"],
                 "text_encoder": ["transformers", "UMT5EncoderModel"],
                 "tokenizer": ["transformers", "T5TokenizerFast"],
                 "transformer": ["diffusers", "WanTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLWan"]}""");
        ModelFolders.transformersModel(root.resolve("image_encoder"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.usable()).isFalse();
        assertThat(component(report, "image_encoder").status()).isEqualTo(ComponentStatus.OK);
        assertThat(component(report, "image_processor").status()).isEqualTo(ComponentStatus.MISSING);
        assertThat(component(report, "image_processor").problems()).singleElement().asString()
                .startsWith("image_processor/ is missing; WanImageToVideoPipeline needs it");
    }

    @Test
    void checksTheImageProcessorConfigWhenPresent() throws IOException {
        ModelFolders.wanTextToVideo(root);
        ModelFolders.text(root.resolve("model_index.json"), """
                {"_class_name": "WanImageToVideoPipeline", "image_encoder": [null, null],
                 "image_processor": ["transformers", "CLIPImageProcessor"], "boundary_ratio": null}""");
        ModelFolders.processor(root.resolve("image_processor"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.components()).extracting(ComponentReport::name).doesNotContain("image_encoder");
        assertThat(component(report, "image_processor").status()).isEqualTo(ComponentStatus.OK);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void reportsTheMissingSecondTextEncoderOfHunyuanVideo() throws IOException {
        ModelFolders.text(root.resolve("model_index.json"), """
                {"_class_name": "HunyuanVideoPipeline", "_diffusers_version": "0.32.0.dev0",
                 "scheduler": ["diffusers", "FlowMatchEulerDiscreteScheduler"],
                 "text_encoder": ["transformers", "LlamaModel"],
                 "text_encoder_2": ["transformers", "CLIPTextModel"],
                 "tokenizer": ["transformers", "LlamaTokenizerFast"],
                 "tokenizer_2": ["transformers", "CLIPTokenizer"],
                 "transformer": ["diffusers", "HunyuanVideoTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLHunyuanVideo"]}""");
        ModelFolders.scheduler(root.resolve("scheduler"));
        ModelFolders.transformersModel(root.resolve("text_encoder"));
        ModelFolders.tokenizer(root.resolve("tokenizer"));
        ModelFolders.tokenizer(root.resolve("tokenizer_2"));
        ModelFolders.diffusersModel(root.resolve("transformer"));
        ModelFolders.diffusersModel(root.resolve("vae"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.pipeline()).isEqualTo("HunyuanVideoPipeline");
        assertThat(report.usable()).isFalse();
        assertThat(report.components()).filteredOn(c -> c.status() != ComponentStatus.OK)
                .extracting(ComponentReport::name).containsExactly("text_encoder_2");
    }

    @Test
    void reportsARequiredComponentDeclaredNull() throws IOException {
        ModelFolders.text(root.resolve("model_index.json"),
                "{\"_class_name\": \"HunyuanVideoPipeline\", \"text_encoder_2\": [null, null]}");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(component(report, "text_encoder_2").problems()).containsExactly(
                "model_index.json declares text_encoder_2 as [null, null], but HunyuanVideoPipeline needs it.");
    }

    @Test
    void reportsAnInvalidModelIndexAndStillChecksTheSubfolders() throws IOException {
        ModelFolders.wanTextToVideo(root);
        ModelFolders.text(root.resolve("model_index.json"), "{\"_class_name\": \"WanPipeline\", \"vae\": [");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.DIFFUSERS);
        assertThat(report.usable()).isFalse();
        assertThat(report.pipeline()).isEmpty();
        assertThat(report.problems()).singleElement().asString().startsWith("model_index.json is not valid JSON");
        assertThat(report.components()).extracting(ComponentReport::name)
                .containsExactly("scheduler", "text_encoder", "tokenizer", "transformer", "vae");
    }

    @Test
    void reportsAMissingModelIndexNextToAScheduler() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("model_index.json"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.DIFFUSERS);
        assertThat(report.problems()).containsExactly("model_index.json is missing.");
    }

    @Test
    void reportsAConfigWithoutWeightsAsIncomplete() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("vae").resolve("diffusion_pytorch_model.safetensors"));

        ComponentReport vae = component(ModelFolderAnalyzer.analyze(root), "vae");

        assertThat(vae.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(vae.problems()).singleElement().asString().startsWith("vae/ has no weights");
    }

    @Test
    void reportsAMissingOrBrokenConfig() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("transformer").resolve("config.json"));
        ModelFolders.text(root.resolve("vae").resolve("config.json"), "{oops");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(component(report, "transformer").status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(component(report, "transformer").problems()).containsExactly("transformer/config.json is missing.");
        assertThat(component(report, "vae").status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(component(report, "vae").problems().get(0)).startsWith("vae/config.json is not valid JSON");
    }

    @Test
    void flagsPickleWeightsInAComponentAsUnsafe() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("text_encoder").resolve("model.safetensors"));
        SafetensorsWriter.writeRaw(root.resolve("text_encoder").resolve("pytorch_model.bin"),
                new byte[] {(byte) 0x80, 0x02, '}', '.'});

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(component(report, "text_encoder").status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(report.usable()).isFalse();
    }

    @Test
    void reportsASchedulerWithoutItsConfigAndATokenizerWithoutFiles() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("scheduler").resolve("scheduler_config.json"));
        Files.writeString(root.resolve("scheduler").resolve("notes.txt"), "x");
        Files.delete(root.resolve("tokenizer").resolve("tokenizer.json"));
        Files.delete(root.resolve("tokenizer").resolve("tokenizer_config.json"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(component(report, "scheduler").problems())
                .containsExactly("scheduler/scheduler_config.json is missing.");
        assertThat(component(report, "tokenizer").status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(component(report, "tokenizer").problems().get(0))
                .startsWith("tokenizer/ has none of the usual tokenizer files");
    }

    @Test
    void reportsATruncatedTransformerAsIncomplete() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Path weights = root.resolve("transformer").resolve("diffusion_pytorch_model.safetensors");
        long size = Files.size(weights);
        try (var file = new java.io.RandomAccessFile(weights.toFile(), "rw")) {
            file.setLength(size - 1);
        }

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(component(report, "transformer").status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(report.usable()).isFalse();
    }
}
