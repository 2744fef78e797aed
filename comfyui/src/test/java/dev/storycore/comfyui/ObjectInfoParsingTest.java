package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectInfoParsingTest {

    private final ObjectInfo info = StatsParsing.objectInfo(TestSupport.resourceJson("fake/object_info.json"));

    @Test
    void listsTheModelFilesALoaderOffers() {
        assertThat(info.choices("UNETLoader", "unet_name"))
                .containsExactly("wan2.1_t2v_1.3B_fp16.safetensors", "wan2.2_ti2v_5B_fp16.safetensors");
        assertThat(info.choices("VAELoader", "vae_name")).contains("wan_2.1_vae.safetensors");
        assertThat(info.choices("UNETLoader", "weight_dtype")).contains("fp8_e4m3fn");
    }

    @Test
    void readsOptionalChoicesAndTheNewerComboFormat() {
        assertThat(info.choices("CLIPLoader", "device")).containsExactly("default", "cpu");
        assertThat(info.choices("SaveVideo", "format")).containsExactly("auto", "mp4");
    }

    @Test
    void inputsThatAreNotChoicesHaveNone() {
        assertThat(info.choices("ModelSamplingSD3", "shift")).isEmpty();
        assertThat(info.choices("KSampler", "model")).isEmpty();
        assertThat(info.choices("NoSuchNode", "x")).isEmpty();
    }

    @Test
    void saysWhichNodeClassesAreMissing() {
        assertThat(info.has("Wan22ImageToVideoLatent")).isTrue();
        assertThat(info.missing(List.of("UNETLoader", "WanVideoSampler", "VHS_VideoCombine", "WanVideoSampler")))
                .containsExactly("WanVideoSampler", "VHS_VideoCombine");
    }

    @Test
    void readsNamesCategoriesAndOutputNodes() {
        ObjectInfo.NodeClass unet = info.node("UNETLoader").orElseThrow();
        assertThat(unet.displayName()).isEqualTo("Load Diffusion Model");
        assertThat(unet.category()).isEqualTo("advanced/loaders");
        assertThat(unet.outputNode()).isFalse();
        assertThat(info.node("SaveAnimatedWEBP").orElseThrow().outputNode()).isTrue();
        assertThat(info.nodeClasses()).startsWith("UNETLoader");
    }
}
