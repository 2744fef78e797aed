package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LanczosUpscalerTest {

    @Property(tries = 40)
    void upscalingAConstantImageKeepsItConstant(@ForAll @IntRange(min = 1, max = 12) int w,
            @ForAll @IntRange(min = 1, max = 12) int h, @ForAll @IntRange(min = 1, max = 40) int outW,
            @ForAll @IntRange(min = 1, max = 40) int outH, @ForAll int colour) {
        int rgb = 0xff000000 | colour;
        BufferedImage out = LanczosUpscaler.resize(TestImages.solid(w, h, rgb, false), outW, outH);

        assertThat(Arrays.stream(TestImages.pixels(out)).distinct()).containsExactly(rgb);
    }

    @Test
    void aConstantImageWithAlphaStaysConstantIncludingAlpha() {
        BufferedImage out = LanczosUpscaler.resize(TestImages.solid(5, 7, 0x80ff8040, true), 17, 9);

        assertThat(Arrays.stream(TestImages.pixels(out)).distinct()).containsExactly(0x80ff8040);
    }

    @Test
    void twoTimesUpscaleOfAGradientIsMonotonic() {
        BufferedImage out = LanczosUpscaler.upscale(TestImages.horizontalRamp(32, 4), 2.0);

        assertThat(out.getWidth()).isEqualTo(64);
        assertThat(out.getHeight()).isEqualTo(8);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 1; x < out.getWidth(); x++) {
                assertThat(TestImages.red(out.getRGB(x, y)))
                        .as("x=%d y=%d", x, y).isGreaterThanOrEqualTo(TestImages.red(out.getRGB(x - 1, y)));
            }
        }
        assertThat(TestImages.red(out.getRGB(0, 0))).isLessThan(10);
        assertThat(TestImages.red(out.getRGB(63, 0))).isGreaterThan(245);
    }

    @Test
    void producesTheRequestedSizeInBothDirections() {
        BufferedImage source = TestImages.horizontalRamp(40, 30);

        assertThat(LanczosUpscaler.resize(source, 97, 13)).extracting(BufferedImage::getWidth,
                BufferedImage::getHeight).containsExactly(97, 13);
        assertThat(LanczosUpscaler.resize(source, 7, 61)).extracting(BufferedImage::getWidth,
                BufferedImage::getHeight).containsExactly(7, 61);
    }

    @Test
    void preservesAlphaAndDoesNotBleedHiddenColour() {
        BufferedImage source = new BufferedImage(8, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                // Left half: fully transparent "red" that must not show; right half: opaque blue.
                source.setRGB(x, y, x < 4 ? 0x00ff0000 : 0xff0000ff);
            }
        }

        BufferedImage out = LanczosUpscaler.resize(source, 16, 8);

        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(TestImages.alpha(out.getRGB(0, 0))).isZero();
        assertThat(TestImages.alpha(out.getRGB(15, 0))).isEqualTo(255);
        for (int x = 0; x < 16; x++) {
            int p = out.getRGB(x, 3);
            if (TestImages.alpha(p) > 32) {
                assertThat(TestImages.red(p)).as("x=%d", x).isLessThan(16);
            }
        }
    }

    @Test
    void opaqueInputGivesOpaqueOutput() {
        assertThat(LanczosUpscaler.resize(TestImages.horizontalRamp(4, 4), 8, 8).getColorModel().hasAlpha())
                .isFalse();
    }

    @Test
    void kernelIsOneAtZeroAndZeroAtOtherIntegersAndBeyondThreeLobes() {
        assertThat(LanczosUpscaler.kernel(0)).isEqualTo(1.0);
        assertThat(LanczosUpscaler.kernel(1)).isCloseTo(0.0, within(1e-12));
        assertThat(LanczosUpscaler.kernel(-2)).isCloseTo(0.0, within(1e-12));
        assertThat(LanczosUpscaler.kernel(1.5)).isNegative();
        assertThat(LanczosUpscaler.kernel(3.0)).isZero();
        assertThat(LanczosUpscaler.kernel(0.5)).isCloseTo(LanczosUpscaler.kernel(-0.5), within(1e-15));
    }

    @Test
    void upscalesEveryFrameOfAClip() {
        FrameSource clip = FrameSource.of(List.of(TestImages.horizontalRamp(8, 6), TestImages.horizontalRamp(8, 6)));

        FrameSource big = LanczosUpscaler.resize(clip, 24, 18);

        assertThat(big.frameCount()).isEqualTo(2);
        assertThat(big.frame(1).getWidth()).isEqualTo(24);
        assertThat(big.frame(1).getHeight()).isEqualTo(18);
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThatThrownBy(() -> LanczosUpscaler.resize(TestImages.horizontalRamp(4, 4), 0, 4))
                .isInstanceOf(GenerationException.class)
                .hasMessage("width must be positive, was 0");
        assertThatThrownBy(() -> LanczosUpscaler.upscale(TestImages.horizontalRamp(4, 4), -2))
                .isInstanceOf(GenerationException.class)
                .hasMessage("factor must be positive, was -2.0");
    }
}
