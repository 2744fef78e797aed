package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelRegistry;
import org.junit.jupiter.api.Test;

class FeatureParityTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();

    @Test
    void listsWhatTheSmallWanModelLosesAgainstHunyuan() {
        FeatureParity parity = FeatureParity.compare(MODELS.require("hunyuan-video-t2v"),
                MODELS.require("wan2.1-t2v-1.3b"));

        assertThat(parity.kept()).containsExactly("text-to-video");
        assertThat(parity.lost()).containsExactly("720p (up to 832x480)", "24 fps (16 fps)",
                "129 frames (up to 81)", "13B parameters (1.3B: less detail and motion fidelity)");
        assertThat(parity.gained()).isEmpty();
        assertThat(parity.share()).isEqualTo(0.2);
    }

    @Test
    void aLargerSiblingKeepsEverythingAndListsWhatItAdds() {
        FeatureParity parity = FeatureParity.compare(MODELS.require("wan2.1-t2v-14b"),
                MODELS.require("wan2.1-vace-14b"));

        assertThat(parity.lost()).isEmpty();
        assertThat(parity.share()).isEqualTo(1.0);
        assertThat(parity.gained()).containsExactly("image-to-video", "inpaint");
    }

    @Test
    void transparentVideoIsLostOnEveryOtherModel() {
        FeatureParity parity = FeatureParity.compare(MODELS.require("wan-alpha"), MODELS.require("wan2.1-t2v-14b"));

        assertThat(parity.lost()).containsExactly("transparent video");
        assertThat(parity.gained()).containsExactly("text-to-video");
    }
}
