package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineRequirementsTest {

    private static List<String> required(String json) {
        return PipelineRequirements.requiredComponents(ModelIndex.parse(json)).stream()
                .map(RequiredComponent::name).toList();
    }

    @Test
    void wanTextToVideoNeedsItsFiveComponents() {
        assertThat(required("{\"_class_name\": \"WanPipeline\"}"))
                .containsExactly("tokenizer", "text_encoder", "vae", "scheduler", "transformer");
    }

    @Test
    void aBoundaryRatioAddsTheLowNoiseExpert() {
        List<RequiredComponent> required = PipelineRequirements.requiredComponents(
                ModelIndex.parse("{\"_class_name\": \"WanPipeline\", \"boundary_ratio\": 0.875}"));

        assertThat(required).contains(new RequiredComponent("transformer_2",
                "boundary_ratio is set, so the low-noise expert transformer_2 is needed"));
    }

    @Test
    void aListedTransformer2IsNeededEvenWithoutBoundaryRatio() {
        assertThat(required("""
                {"_class_name": "WanPipeline", "transformer_2": ["diffusers", "WanTransformer3DModel"]}"""))
                .endsWith("transformer_2");
    }

    @Test
    void wanImageToVideoNeedsTheImageEncoderAndProcessorUnlessDeclaredNull() {
        assertThat(required("{\"_class_name\": \"WanImageToVideoPipeline\"}"))
                .contains("image_encoder", "image_processor");
        assertThat(required("""
                {"_class_name": "WanImageToVideoPipeline", "image_encoder": [null, null],
                 "image_processor": [null, null]}"""))
                .doesNotContain("image_encoder", "image_processor");
    }

    @Test
    void hunyuanNeedsBothTextEncodersAndTokenizersEvenWhenDeclaredNull() {
        assertThat(required("{\"_class_name\": \"HunyuanVideoPipeline\", \"text_encoder_2\": [null, null]}"))
                .containsExactly("text_encoder", "tokenizer", "transformer", "vae", "scheduler", "text_encoder_2",
                        "tokenizer_2");
        assertThat(required("{\"_class_name\": \"HunyuanVideoImageToVideoPipeline\"}")).endsWith("image_processor");
    }

    @Test
    void anUnknownPipelineNeedsWhatItsIndexListsWithAClass() {
        assertThat(required("""
                {"_class_name": "MyPipeline", "unet": ["diffusers", "UNet2DConditionModel"],
                 "safety_checker": [null, null], "scheduler": ["diffusers", "DDIMScheduler"]}"""))
                .containsExactly("unet", "scheduler");
    }

    @Test
    void knowsTheVideoPipelines() {
        assertThat(PipelineRequirements.knownPipelines()).contains("WanPipeline", "WanImageToVideoPipeline",
                "HunyuanVideoPipeline", "HunyuanVideoImageToVideoPipeline");
    }
}
