package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class InpaintFillerTest {

    private static final int MARKER = 0xffff00ff;
    private static final int BACKGROUND = 0xff3070b0;

    /** A 64×48 frame of {@code background} with a magenta marker square at 20..35 × 14..29. */
    private static BufferedImage markedFrame(BufferedImage background) {
        for (int y = 14; y < 30; y++) {
            for (int x = 20; x < 36; x++) {
                background.setRGB(x, y, MARKER);
            }
        }
        return background;
    }

    /** White over the marker square (plus a one-pixel margin), black elsewhere, at the given scale. */
    private static BufferedImage maskOverMarker(int scale) {
        BufferedImage mask = TestImages.solid(64 * scale, 48 * scale, 0xff000000, false);
        for (int y = 13 * scale; y < 31 * scale; y++) {
            for (int x = 19 * scale; x < 37 * scale; x++) {
                mask.setRGB(x, y, 0xffffffff);
            }
        }
        return mask;
    }

    @Test
    void fillsTheMarkerFromAFlatSurrounding() {
        BufferedImage frame = markedFrame(TestImages.solid(64, 48, BACKGROUND, false));

        BufferedImage out = InpaintFiller.fill(frame, maskOverMarker(1));

        for (int p : TestImages.pixels(out)) {
            assertThat(p).isNotEqualTo(MARKER);
            assertThat(Math.abs(TestImages.red(p) - TestImages.red(BACKGROUND))).isLessThanOrEqualTo(1);
            assertThat(Math.abs(TestImages.blue(p) - TestImages.blue(BACKGROUND))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void fillsAcrossAGradientWithValuesBetweenItsEdges() {
        BufferedImage frame = markedFrame(TestImages.horizontalRamp(64, 48));

        BufferedImage out = InpaintFiller.fill(frame, maskOverMarker(1));

        int left = TestImages.red(out.getRGB(18, 20));
        int right = TestImages.red(out.getRGB(37, 20));
        for (int x = 20; x < 36; x++) {
            int p = out.getRGB(x, 21);
            assertThat(p).isNotEqualTo(MARKER);
            assertThat(TestImages.red(p)).as("x=%d", x).isBetween(left, right);
            assertThat(TestImages.red(p)).isEqualTo(TestImages.green(p)).isEqualTo(TestImages.blue(p));
        }
        int expectedMiddle = Math.round(255f * 28 / 63);
        assertThat(TestImages.red(out.getRGB(28, 21))).isBetween(expectedMiddle - 12, expectedMiddle + 12);
    }

    @Test
    void leavesUnmaskedPixelsUntouched() {
        BufferedImage frame = markedFrame(TestImages.horizontalRamp(64, 48));

        BufferedImage out = InpaintFiller.fill(frame, maskOverMarker(1));

        assertThat(out.getRGB(5, 5)).isEqualTo(frame.getRGB(5, 5));
        assertThat(out.getRGB(60, 40)).isEqualTo(frame.getRGB(60, 40));
    }

    @Test
    void resizesAMaskOfAnotherSizeToTheFrame() {
        BufferedImage frame = markedFrame(TestImages.solid(64, 48, BACKGROUND, false));

        BufferedImage out = InpaintFiller.fill(frame, maskOverMarker(3));

        assertThat(TestImages.pixels(out)).doesNotContain(MARKER);
    }

    @Test
    void anEmptyMaskChangesNothing() {
        BufferedImage frame = markedFrame(TestImages.horizontalRamp(64, 48));

        BufferedImage out = InpaintFiller.fill(frame, TestImages.solid(64, 48, 0xff000000, false));

        assertThat(TestImages.samePixels(out, frame)).isTrue();
    }

    @Test
    void fillsEveryFrameOfAClip() {
        FrameSource clip = FrameSource.of(List.of(markedFrame(TestImages.solid(64, 48, BACKGROUND, false)),
                markedFrame(TestImages.horizontalRamp(64, 48))));

        FrameSource filled = InpaintFiller.fill(clip, maskOverMarker(1));

        assertThat(TestImages.pixels(filled.frame(0))).doesNotContain(MARKER);
        assertThat(TestImages.pixels(filled.frame(1))).doesNotContain(MARKER);
    }

    @Test
    void rejectsAMaskCoveringTheWholeFrame() {
        BufferedImage frame = TestImages.solid(8, 8, BACKGROUND, false);

        assertThatThrownBy(() -> InpaintFiller.fill(frame, TestImages.solid(8, 8, 0xffffffff, false)))
                .isInstanceOf(GenerationException.class)
                .hasMessage("mask covers the whole frame: nothing to fill from");
    }
}
