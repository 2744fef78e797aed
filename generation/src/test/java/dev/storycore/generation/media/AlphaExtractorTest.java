package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlphaExtractorTest {

    private static final int SCREEN = 0xff10c030;

    /** Left third green screen, middle third a darker shade of the screen, right third other colours. */
    private static BufferedImage greenScreenShot() {
        BufferedImage frame = new BufferedImage(30, 4, BufferedImage.TYPE_INT_RGB);
        int[] others = {0xffd02020, 0xfff0f0f0, 0xff202020, 0xff2040e0, 0xfff0d040};
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 4; y++) {
                int rgb = x < 10 ? SCREEN : x < 20 ? 0xff0c9024 : others[(x + y) % others.length];
                frame.setRGB(x, y, rgb);
            }
        }
        return frame;
    }

    @Test
    void chromaKeyMakesScreenPixelsTransparentAndOthersOpaque() {
        BufferedImage out = AlphaExtractor.extract(greenScreenShot(), AlphaKey.chroma(new Color(SCREEN), 0.15, 0.1));

        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(TestImages.alpha(out.getRGB(x, y))).as("screen x=%d", x).isZero();
            }
            for (int x = 20; x < 30; x++) {
                assertThat(TestImages.alpha(out.getRGB(x, y))).as("subject x=%d", x).isEqualTo(255);
            }
        }
    }

    @Test
    void keepsColourValuesAndChangesOnlyAlpha() {
        BufferedImage out = AlphaExtractor.extract(greenScreenShot(), AlphaKey.chroma(new Color(SCREEN), 0.15, 0.1));

        assertThat(out.getRGB(25, 0) & 0xffffff).isEqualTo(greenScreenShot().getRGB(25, 0) & 0xffffff);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    }

    @Test
    void softEdgeGivesPartialAlphaBetweenToleranceAndSoftness() {
        Color key = new Color(SCREEN);
        int nearKey = 0xff308040;
        double distance = AlphaExtractor.distance(nearKey, SCREEN);
        BufferedImage pixel = TestImages.solid(1, 1, nearKey, false);

        int alpha = TestImages.alpha(AlphaExtractor.extract(pixel,
                AlphaKey.chroma(key, distance - 0.05, 0.1)).getRGB(0, 0));

        assertThat(alpha).isBetween(120, 135);
    }

    @Test
    void luminanceKeyMakesDarkPixelsTransparentAndBrightOnesOpaque() {
        BufferedImage frame = TestImages.horizontalRamp(11, 1);

        BufferedImage out = AlphaExtractor.extract(frame, AlphaKey.luminance(0.2, 0.2));

        assertThat(TestImages.alpha(out.getRGB(0, 0))).isZero();
        assertThat(TestImages.alpha(out.getRGB(2, 0))).isZero();
        assertThat(TestImages.alpha(out.getRGB(3, 0))).isBetween(100, 155);
        assertThat(TestImages.alpha(out.getRGB(4, 0))).isEqualTo(255);
        assertThat(TestImages.alpha(out.getRGB(10, 0))).isEqualTo(255);
    }

    @Test
    void existingTransparencyIsKept() {
        BufferedImage frame = TestImages.solid(2, 2, 0x40ffffff, true);

        BufferedImage out = AlphaExtractor.extract(frame, AlphaKey.luminance(0.1, 0.0));

        assertThat(TestImages.alpha(out.getRGB(0, 0))).isEqualTo(0x40);
    }

    @Test
    void keysEveryFrameOfAClip() {
        FrameSource clip = FrameSource.of(List.of(greenScreenShot(), greenScreenShot()));

        FrameSource keyed = AlphaExtractor.extract(clip, AlphaKey.chroma(new Color(SCREEN), 0.15, 0.1));

        assertThat(keyed.frameCount()).isEqualTo(2);
        assertThat(TestImages.alpha(keyed.frame(1).getRGB(0, 0))).isZero();
    }

    @Test
    void rejectsAToleranceOutsideTheUnitInterval() {
        assertThatThrownBy(() -> AlphaKey.chroma(Color.GREEN, 1.5, 0.1))
                .isInstanceOf(GenerationException.class)
                .hasMessage("tolerance must be in [0, 1], was 1.5");
    }
}
