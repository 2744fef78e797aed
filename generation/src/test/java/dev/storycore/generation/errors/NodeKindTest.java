package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "UNETLoader, LOADER",
        "UpscaleModelLoader, LOADER",
        "CLIPVisionLoader, LOADER",
        "DownloadAndLoadHyVideoModel, LOADER",
        "KSampler, SAMPLER",
        "SamplerCustomAdvanced, SAMPLER",
        "WanVideoSampler, SAMPLER",
        "VAEDecodeTiled, VAE_DECODE",
        "WanVideoDecode, VAE_DECODE",
        "VAEEncode, VAE_ENCODE",
        "CLIPTextEncode, TEXT_ENCODER",
        "TextEncodeHunyuanVideo_ImageToVideo, TEXT_ENCODER",
        "WanVideoTextEncode, TEXT_ENCODER",
        "CLIPVisionEncode, VISION_ENCODER",
        "WanImageToVideo, IMAGE_CONDITIONING",
        "WanVaceToVideo, IMAGE_CONDITIONING",
        "ImageUpscaleWithModel, UPSCALER",
        "ModelSamplingSD3, OTHER",
        "SaveAnimatedWEBP, OTHER"})
    void readsWhatANodeDoesFromItsName(String classType, NodeKind kind) {
        assertThat(NodeKind.of(classType)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"''", "'  '"})
    void isNoneForNoNode(String classType) {
        assertThat(NodeKind.of(classType)).isEqualTo(NodeKind.NONE);
    }
}
