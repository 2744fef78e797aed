package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import org.junit.jupiter.api.Test;

class ModelIndexTest {

    @Test
    void readsClassVersionComponentsNullPairsAndExtras() {
        ModelIndex index = ModelIndex.parse("""
                {"_class_name": "WanImageToVideoPipeline", "_diffusers_version": "0.35.0.dev0",
                 "boundary_ratio": 0.9, "expand_timesteps": false,
                 "image_encoder": [null, null], "image_processor": [null, null],
                 "transformer": ["diffusers", "WanTransformer3DModel"], "_name_or_path": "x"}""");

        assertThat(index.pipelineClass()).isEqualTo("WanImageToVideoPipeline");
        assertThat(index.diffusersVersion()).isEqualTo("0.35.0.dev0");
        assertThat(index.components()).extracting(ModelIndex.Entry::name)
                .containsExactly("image_encoder", "image_processor", "transformer");
        assertThat(index.component("image_encoder")).hasValueSatisfying(entry -> assertThat(entry.declared()).isFalse());
        assertThat(index.component("transformer")).hasValue(
                new ModelIndex.Entry("transformer", "diffusers", "WanTransformer3DModel"));
        assertThat(index.extras()).containsOnlyKeys("boundary_ratio", "expand_timesteps");
        assertThat(index.boundaryRatio()).hasValue(0.9);
    }

    @Test
    void treatsANullBoundaryRatioAsAbsent() {
        assertThat(ModelIndex.parse("{\"_class_name\": \"WanPipeline\", \"boundary_ratio\": null}").boundaryRatio())
                .isEmpty();
    }

    @Test
    void rejectsInvalidJsonWithOneLine() {
        assertThatThrownBy(() -> ModelIndex.parse("{\"_class_name\": \"WanPipeline\",,}"))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("model_index.json is not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> ModelIndex.parse("[1, 2]"))
                .isInstanceOf(GenerationException.class)
                .hasMessage("model_index.json is not a JSON object");
    }
}
