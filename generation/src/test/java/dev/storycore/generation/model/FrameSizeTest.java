package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameSizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1280x720", "1280X720", " 1280 x 720 ", "1280*720", "1280×720"})
    void parsesTheUsualSpellings(String text) {
        assertThat(FrameSize.parse(text)).isEqualTo(new FrameSize(1280, 720));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1280", "1280x", "x720", "wide", "1280x720x81", "-1280x720", "0x720", ""})
    void rejectsAnythingElseNamingTheText(String text) {
        assertThatThrownBy(() -> FrameSize.parse(text)).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("bad size '" + text + "'").hasMessageNotContaining("\n");
    }

    @org.junit.jupiter.api.Test
    void printsAsWidthByHeight() {
        assertThat(new FrameSize(832, 480)).hasToString("832x480");
        assertThat(new FrameSize(832, 480).area()).isEqualTo(399_360);
        assertThat(new FrameSize(480, 832).landscape()).isFalse();
    }
}
