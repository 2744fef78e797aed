package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private final ModelRegistry registry = ModelRegistry.builtIn();

    @Test
    void holdsEveryBuiltInModelOfTheIssue() {
        assertThat(registry.all()).extracting(ModelSpec::id).containsExactly(
                "hunyuan-video-t2v", "hunyuan-video-i2v", "wan2.1-t2v-1.3b", "wan2.1-t2v-14b",
                "wan2.1-i2v-14b-480p", "wan2.1-i2v-14b-720p", "wan2.1-vace-14b", "wan2.2-t2v-a14b",
                "wan2.2-i2v-a14b", "wan2.2-ti2v-5b", "wan-alpha");
    }

    @Test
    void builtInsCarryTheDocumentedFacts() {
        ModelSpec ti2v = registry.require("wan2.2-ti2v-5b");
        assertThat(ti2v.fps()).isEqualTo(24);
        assertThat(ti2v.sizeMultiple()).isEqualTo(32);
        assertThat(ti2v.defaultSize()).isEqualTo(new FrameSize(1280, 704));
        assertThat(ti2v.workflows()).contains(Workflow.TEXT_TO_VIDEO, Workflow.IMAGE_TO_VIDEO,
                Workflow.TEXT_IMAGE_TO_VIDEO);
        ModelSpec hunyuan = registry.require("hunyuan-video-t2v");
        assertThat(hunyuan.family()).isEqualTo(ModelFamily.HUNYUAN);
        assertThat(hunyuan.maxFrames()).isEqualTo(129);
        assertThat(hunyuan.parametersBillions()).isEqualTo(13.0);
        assertThat(registry.require("wan2.2-t2v-a14b").activeParametersBillions()).isEqualTo(14.0);
        assertThat(registry.require("wan-alpha").workflows()).containsExactly(Workflow.TRANSPARENT_VIDEO);
        assertThat(registry.require("wan2.1-vace-14b").supports(Workflow.INPAINT)).isTrue();
    }

    @Test
    void everyBuiltInFollowsItsOwnRules() {
        for (ModelSpec model : registry.all()) {
            assertThat(model.frameRule()).as(model.id()).isEqualTo(FrameRule.FOUR_K_PLUS_ONE);
            assertThat(model.frameRule().accepts(model.maxFrames())).as(model.id()).isTrue();
            assertThat(model.components()).as(model.id()).extracting(ModelComponent::role)
                    .contains(ComponentRole.DIFFUSION, ComponentRole.TEXT_ENCODER, ComponentRole.VAE);
        }
    }

    @Test
    void findsIdsIgnoringCaseAndSpaces() {
        assertThat(registry.find(" WAN2.1-T2V-1.3B ")).map(ModelSpec::id).contains("wan2.1-t2v-1.3b");
        assertThat(registry.find("sora")).isEmpty();
    }

    @Test
    void unknownIdIsOneLineNamingTheKnownIds() {
        assertThatThrownBy(() -> registry.require("sora")).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("unknown model 'sora' (known: hunyuan-video-t2v,")
                .hasMessageNotContaining("\n");
    }

    @Test
    void listsModelsForAWorkflowLightestFirst() {
        List<ModelSpec> t2v = registry.supporting(Workflow.TEXT_TO_VIDEO);
        assertThat(t2v.get(0).id()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(t2v).extracting(ModelSpec::activeParametersBillions).isSorted();
        assertThat(registry.supporting(Workflow.UPSCALE)).isEmpty();
    }

    @Test
    void withAddsAModelWithoutChangingTheOriginal() {
        ModelSpec mine = registry.require("wan2.1-t2v-1.3b").toBuilder().build();
        ModelSpec renamed = ModelSpec.builder("my-model").workflows(Workflow.TEXT_TO_VIDEO).parameters(2)
                .nativeSizes(new FrameSize(512, 512)).build();
        ModelRegistry bigger = registry.with(renamed);
        assertThat(bigger.all()).hasSize(registry.all().size() + 1);
        assertThat(registry.find("my-model")).isEmpty();
        assertThat(ModelRegistry.of(List.of(mine)).all()).containsExactly(mine);
    }
}
