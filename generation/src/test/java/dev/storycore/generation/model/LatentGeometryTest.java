package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatentGeometryTest {

    @Test
    void hunyuan720pWith129FramesIs118800Tokens() {
        // 33 latent frames x (720/16) x (1280/16)
        assertThat(LatentGeometry.STANDARD.tokens(1280, 720, 129)).isEqualTo(33L * 45 * 80);
    }

    @Test
    void wan22HighCompressionVaeCoversThirtyTwoPixelsPerToken() {
        assertThat(LatentGeometry.HIGH_COMPRESSION.tokens(1280, 704, 121)).isEqualTo(31L * 22 * 40);
    }

    @Test
    void partialCellsAtTheEdgeCountAsWholeTokens() {
        assertThat(LatentGeometry.STANDARD.tokens(1000, 500, 1)).isEqualTo(63L * 32);
    }

    @Test
    void firstFrameStandsAlone() {
        assertThat(LatentGeometry.STANDARD.latentFrames(1)).isEqualTo(1);
        assertThat(LatentGeometry.STANDARD.latentFrames(5)).isEqualTo(2);
        assertThat(LatentGeometry.STANDARD.latentFrames(81)).isEqualTo(21);
    }
}
