package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The title card and the simulator's frames with their text forced onto the built-in bitmap font. */
class BitmapTextRenderersTest {

    private static final FrameFormat FORMAT = FrameFormat.of(320, 180, 4);
    private static final String PROMPT = "a paper boat drifting down a rainy gutter at night";

    private static TitleCardRenderer title(TextEngine text) {
        return TitleCardRenderer.of(new TitleCard("shot-07", PROMPT, FORMAT, 1), text);
    }

    private static SimulatedFrameRenderer simulated(TextEngine text) {
        return SimulatedFrameRenderer.of(new SimulatedScene(PROMPT, "wan2.1-t2v-1.3b", FORMAT, 3), text);
    }

    /** Pixels of exactly one colour inside rows [top, bottom) and columns [left, right). */
    private static int count(BufferedImage image, int rgb, int left, int top, int right, int bottom) {
        int n = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void titleCardDrawsItsBannerAndPromptWithTheBitmapFont() {
        BufferedImage frame = title(TextEngine.BITMAP_FONT).frame(1);
        // unit 15: bitmap text 15 px a line, so the banner is 18 px tall and the prompt sits mid-frame.
        int bannerInk = count(frame, 0x000000, 0, 0, 320, 18);
        int promptInk = count(frame, 0xF2F2F2, 20, 60, 300, 150);

        assertThat(bannerInk).as("black banner text").isGreaterThan(200);
        assertThat(count(frame, 0x000000, 0, 0, 20, 18)).as("label is centred").isZero();
        assertThat(promptInk).as("prompt text").isGreaterThan(300);
        assertThat(count(frame, 0xF2F2F2, 0, 0, 320, 40)).as("no prompt ink in the banner").isZero();
    }

    @Test
    void simulatedFrameDrawsItsLabelAndPromptWithTheBitmapFont() {
        BufferedImage frame = simulated(TextEngine.BITMAP_FONT).frame(2);
        // unit 9: bitmap text 10 px a line, in dark strips 13 px tall at the top and bottom.
        int labelInk = count(frame, 0xFFFFFF, 0, 0, 320, 13);
        int promptInk = count(frame, 0xFFFFFF, 0, 167, 320, 180);

        assertThat(labelInk).as("white label text").isGreaterThan(150);
        assertThat(promptInk).as("white prompt text").isGreaterThan(150);
    }

    @Test
    void bitmapFramesStillDifferFromAwtFramesOnlyInTheirText() {
        BufferedImage awt = title(TextEngine.AWT_FONTS).frame(1);
        BufferedImage bitmap = title(TextEngine.BITMAP_FONT).frame(1);

        assertThat(TestImages.countDifferent(awt, bitmap)).isPositive();
        // The progress bar along the bottom carries no text and is identical.
        assertThat(TestImages.samePixels(awt.getSubimage(0, 176, 320, 4), bitmap.getSubimage(0, 176, 320, 4)))
                .isTrue();
    }

    @Test
    void resizedRenderersKeepTheirTextEngine() {
        BufferedImage resized = title(TextEngine.BITMAP_FONT).resized(160, 90).frame(0);
        BufferedImage direct = TitleCardRenderer.of(new TitleCard("shot-07", PROMPT, FrameFormat.of(160, 90, 4), 1),
                TextEngine.BITMAP_FONT).frame(0);

        assertThat(TestImages.samePixels(resized, direct)).isTrue();
    }

    @Test
    void renderersUseAwtFontsByDefaultOnThisMachine() {
        TitleCard card = new TitleCard("shot-07", PROMPT, FORMAT, 1);
        SimulatedScene scene = new SimulatedScene(PROMPT, "wan2.1-t2v-1.3b", FORMAT, 3);

        assertThat(TestImages.samePixels(TitleCardRenderer.of(card).frame(1), title(TextEngine.AWT_FONTS).frame(1)))
                .isTrue();
        assertThat(TestImages.samePixels(SimulatedFrameRenderer.of(scene).frame(1),
                simulated(TextEngine.AWT_FONTS).frame(1))).isTrue();
    }
}
