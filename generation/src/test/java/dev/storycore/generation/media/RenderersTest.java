package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The title card, pan/zoom and simulated renderers at tiny sizes. */
class RenderersTest {

    private static final FrameFormat TINY = FrameFormat.of(64, 48, 8);

    private static TitleCardRenderer title(long seed) {
        return TitleCardRenderer.of(new TitleCard("shot-07", "a paper boat drifting down a rainy gutter at night",
                TINY, seed));
    }

    private static SimulatedFrameRenderer simulated(long seed) {
        return SimulatedFrameRenderer.of(new SimulatedScene("a paper boat", "wan2.1-t2v-1.3b", TINY, seed));
    }

    private static PanZoomRenderer panZoom(long seed) {
        BufferedImage photo = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 90; x++) {
                photo.setRGB(x, y, (x * 2) << 16 | (y * 4) << 8 | ((x * y) & 0xff));
            }
        }
        return PanZoomRenderer.of(photo, TINY, seed);
    }

    private static void assertAnimatedAtRequestedSize(FrameSource clip) {
        assertThat(clip.frameCount()).isEqualTo(8);
        for (int i = 0; i < clip.frameCount(); i++) {
            assertThat(clip.frame(i).getWidth()).isEqualTo(64);
            assertThat(clip.frame(i).getHeight()).isEqualTo(48);
        }
        assertThat(TestImages.countDifferent(clip.frame(0), clip.frame(1))).isPositive();
        assertThat(TestImages.countDifferent(clip.frame(0), clip.frame(7))).isPositive();
    }

    private static void assertDeterministic(FrameSource a, FrameSource b) {
        for (int i = 0; i < a.frameCount(); i++) {
            assertThat(TestImages.samePixels(a.frame(i), b.frame(i))).as("frame %d", i).isTrue();
        }
    }

    @Test
    void titleCardFramesAreAnimatedAtTheRequestedSize() {
        assertAnimatedAtRequestedSize(title(1));
    }

    @Test
    void titleCardShowsMoreThanItsBackground() {
        BufferedImage frame = title(1).frame(3);

        // Gradient plus banner, text and progress bar: far more colours than a plain background.
        assertThat(TestImages.countDistinctColours(frame)).isGreaterThan(40);
        int bannerPixel = frame.getRGB(1, 1);
        assertThat(TestImages.red(bannerPixel)).isGreaterThan(200);
        assertThat(TestImages.blue(bannerPixel)).isLessThan(80);
    }

    @Test
    void titleCardProgressBarGrowsFromFirstToLastFrame() {
        TitleCardRenderer clip = title(1);
        int bar = 47;

        assertThat(TestImages.red(clip.frame(0).getRGB(62, bar))).isLessThan(150);
        assertThat(TestImages.red(clip.frame(7).getRGB(62, bar))).isGreaterThan(200);
    }

    @Test
    void titleCardIsDeterministicForASeedAndDiffersAcrossSeeds() {
        assertDeterministic(title(5), title(5));
        assertThat(TestImages.countDifferent(title(5).frame(0), title(6).frame(0))).isPositive();
    }

    @Test
    void panZoomFramesMoveOverTheImageAtTheRequestedSize() {
        assertAnimatedAtRequestedSize(panZoom(2));
    }

    @Test
    void panZoomIsDeterministicForASeedAndDiffersAcrossSeeds() {
        assertDeterministic(panZoom(9), panZoom(9));
        long differing = 0;
        for (long seed = 10; seed < 14; seed++) {
            differing += TestImages.countDifferent(panZoom(9).frame(7), panZoom(seed).frame(7));
        }
        assertThat(differing).isPositive();
    }

    @Test
    void panZoomKeepsTheInputsAlpha() {
        BufferedImage translucent = TestImages.solid(40, 30, 0x80ffffff, true);

        BufferedImage frame = PanZoomRenderer.of(translucent, TINY, 1).frame(4);

        assertThat(frame.getColorModel().hasAlpha()).isTrue();
        assertThat(TestImages.alpha(frame.getRGB(32, 24))).isBetween(0x7e, 0x82);
    }

    @Test
    void simulatedFramesAreAnimatedAtTheRequestedSize() {
        assertAnimatedAtRequestedSize(simulated(3));
    }

    @Test
    void simulatedFramesAreDeterministicForASeedAndDifferAcrossSeeds() {
        assertDeterministic(simulated(3), simulated(3));
        assertThat(TestImages.countDifferent(simulated(3).frame(0), simulated(4).frame(0))).isPositive();
    }

    @Test
    void simulatedFramesCanBeRenderedInAnyOrder() {
        SimulatedFrameRenderer clip = simulated(3);
        BufferedImage lastFirst = clip.frame(7);
        clip.frame(0);

        assertThat(TestImages.samePixels(lastFirst, clip.frame(7))).isTrue();
    }

    @Test
    void renderersResizeByDrawingAtTheNewSize() {
        for (FrameSource small : new FrameSource[] {title(1).resized(32, 24), simulated(1).resized(32, 24),
                panZoom(1).resized(32, 24)}) {
            assertThat(small.frameCount()).isEqualTo(8);
            assertThat(small.frame(7).getWidth()).isEqualTo(32);
            assertThat(small.frame(7).getHeight()).isEqualTo(24);
        }
    }

    @Test
    void framesOutsideTheClipAreRejected() {
        assertThatThrownBy(() -> title(1).frame(8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> simulated(1).frame(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void formatRejectsNonPositiveSizesAndFrameCounts() {
        assertThatThrownBy(() -> FrameFormat.of(0, 48, 8))
                .isInstanceOf(GenerationException.class).hasMessage("width must be positive, was 0");
        assertThatThrownBy(() -> FrameFormat.of(64, -4, 8))
                .isInstanceOf(GenerationException.class).hasMessage("height must be positive, was -4");
        assertThatThrownBy(() -> FrameFormat.of(64, 48, 0))
                .isInstanceOf(GenerationException.class).hasMessage("frameCount must be positive, was 0");
        assertThatThrownBy(() -> FrameFormat.of(10_000, 48, 1))
                .isInstanceOf(GenerationException.class).hasMessage("width must be at most 8192, was 10000");
    }
}
