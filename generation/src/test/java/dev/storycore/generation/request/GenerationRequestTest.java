package dev.storycore.generation.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {

    @Test
    void builderStartsFromTheDocumentedDefaults() {
        GenerationRequest request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").build();
        assertThat(request.size()).hasToString("832x480");
        assertThat(request.frames()).isEqualTo(81);
        assertThat(request.steps()).isEqualTo(30);
        assertThat(request.cfg()).isEqualTo(5.0);
        assertThat(request.batchSize()).isEqualTo(1);
        assertThat(request.precision()).isEqualTo(Precision.BF16);
        assertThat(request.offload()).isEqualTo(Offload.NONE);
        assertThat(request.vaeTiling()).isFalse();
        assertThat(request.vaeTileSize()).isEqualTo(512);
        assertThat(request.textEncoderOnCpu()).isFalse();
        assertThat(request.inputImagePath()).isEmpty();
        assertThat(request.maskPath()).isEmpty();
        assertThat(request.sourceVideoPath()).isEmpty();
    }

    @Test
    void modelBuilderTakesTheModelsDefaults() {
        var model = ModelRegistry.builtIn().require("hunyuan-video-t2v");
        GenerationRequest request = GenerationRequest.builder(model, Workflow.TEXT_TO_VIDEO).build();
        assertThat(request.size()).hasToString("1280x720");
        assertThat(request.frames()).isEqualTo(129);
        assertThat(request.steps()).isEqualTo(50);
        assertThat(request.cfg()).isEqualTo(6.0);
        assertThat(request.fps()).isEqualTo(24);
        assertThat(request.modelId()).isEqualTo("hunyuan-video-t2v");
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        GenerationRequest request = GenerationRequest.builder(Workflow.INPAINT, "wan2.1-vace-14b").prompt("p")
                .negativePrompt("n").inputImage("in.png").mask("mask.png").sourceVideo("src.mp4").size(1280, 720)
                .frames(49).steps(20).cfg(6).fps(16).seed(42).batchSize(2).precision(Precision.FP8)
                .offload(Offload.SEQUENTIAL).vaeTiling(true).vaeTileSize(256).textEncoderOnCpu(true).build();
        assertThat(request.toBuilder().build()).isEqualTo(request);
        assertThat(request.inputImagePath()).contains("in.png");
        assertThat(request.maskPath()).contains("mask.png");
        assertThat(request.sourceVideoPath()).contains("src.mp4");
    }

    @Test
    void summaryNamesOnlyTheNonDefaultMemorySettings() {
        GenerationRequest plain = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").build();
        assertThat(plain.summary()).isEqualTo("wan2.1-t2v-1.3b 832x480x81 BF16");
        assertThat(plain.toBuilder().offload(Offload.MODEL).textEncoderOnCpu(true).build().summary())
                .isEqualTo("wan2.1-t2v-1.3b 832x480x81 BF16 offload=MODEL text-encoder=cpu");
    }
}
