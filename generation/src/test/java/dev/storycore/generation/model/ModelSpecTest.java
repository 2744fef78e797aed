package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelSpecTest {

    private ModelSpecBuilder valid() {
        return ModelSpec.builder("my-wan").workflows(Workflow.TEXT_TO_VIDEO).parameters(1.3)
                .nativeSizes(new FrameSize(832, 480));
    }

    @Test
    void buildsWithDocumentedDefaults() {
        ModelSpec spec = valid().build();
        assertThat(spec.name()).isEqualTo("my-wan");
        assertThat(spec.frameRule()).isEqualTo(FrameRule.FOUR_K_PLUS_ONE);
        assertThat(spec.sizeMultiple()).isEqualTo(16);
        assertThat(spec.maxFrames()).isEqualTo(81);
        assertThat(spec.defaultFrames()).isEqualTo(81);
        assertThat(spec.memory()).isEqualTo(MemoryProfile.CONSERVATIVE);
        assertThat(spec.mixtureOfExperts()).isFalse();
    }

    @Test
    void toBuilderRoundTrips() {
        ModelSpec spec = ModelRegistry.builtIn().require("wan2.2-t2v-a14b");
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.mixtureOfExperts()).isTrue();
    }

    @Test
    void rejectsMaxFramesOffTheRule() {
        assertThatThrownBy(() -> valid().maxFrames(80).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrames 80");
    }

    @Test
    void rejectsNativeSizesOffTheMultiple() {
        assertThatThrownBy(() -> valid().sizeMultiple(64).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("832x480").hasMessageContaining("sizeMultiple 64");
    }

    @Test
    void rejectsUppercaseIdsAndMissingWorkflows() {
        assertThatThrownBy(() -> ModelSpec.builder("Wan").workflows(Workflow.TEXT_TO_VIDEO).parameters(1)
                .nativeSizes(new FrameSize(832, 480)).build()).hasMessageContaining("id must be lowercase");
        assertThatThrownBy(() -> ModelSpec.builder("x").parameters(1).nativeSizes(new FrameSize(832, 480)).build())
                .hasMessageContaining("workflows");
    }

    @Test
    void rejectsMoreActiveThanTotalParameters() {
        assertThatThrownBy(() -> valid().parameters(5, 14).build()).hasMessageContaining("activeParametersBillions");
    }

    @Test
    void sumsComponentParametersByRole() {
        ModelSpec spec = ModelRegistry.builtIn().require("hunyuan-video-t2v");
        assertThat(spec.parametersOf(ComponentRole.TEXT_ENCODER))
                .isEqualTo(7.623, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(spec.parametersOf(ComponentRole.IMAGE_ENCODER)).isZero();
    }
}
