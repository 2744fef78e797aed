package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameSourceViewsTest {

    /** Ten 8×6 frames, frame i filled with grey level 20·i. */
    private static FrameSource numbered() {
        return FrameSource.of(IntStream.range(0, 10)
                .mapToObj(i -> TestImages.solid(8, 6, 0xff000000 | (20 * i) * 0x010101, false)).toList());
    }

    private static int level(BufferedImage frame) {
        return frame.getRGB(0, 0) & 0xff;
    }

    @Test
    void everyNthKeepsTheFirstFrameAndEveryStrideAfterIt() {
        FrameSource thinned = numbered().everyNth(3);

        assertThat(thinned.frameCount()).isEqualTo(4);
        assertThat(IntStream.range(0, 4).map(i -> level(thinned.frame(i)))).containsExactly(0, 60, 120, 180);
        assertThat(thinned.width()).isEqualTo(8);
        assertThat(thinned.height()).isEqualTo(6);
        assertThatThrownBy(() -> thinned.frame(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyNthOfOneIsTheClipItselfAndBelowOneIsRefused() {
        FrameSource clip = numbered();

        assertThat(clip.everyNth(1)).isSameAs(clip);
        assertThatThrownBy(() -> clip.everyNth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
    }

    @Test
    void aThinnedClipResizesItsSourceAndStaysThinned() {
        FrameSource resized = numbered().everyNth(4).resized(16, 12);

        assertThat(resized.frameCount()).isEqualTo(3);
        assertThat(resized.frame(2).getWidth()).isEqualTo(16);
        assertThat(level(resized.frame(1))).isEqualTo(80);
    }

    @Test
    void onEachFrameTellsTheObserverEveryRenderedIndexAndPassesFramesThrough() {
        List<Integer> seen = new ArrayList<>();
        FrameSource observed = numbered().onEachFrame(seen::add);

        assertThat(level(observed.frame(7))).isEqualTo(140);
        observed.frame(2);

        assertThat(seen).containsExactly(7, 2);
        assertThat(observed.frameCount()).isEqualTo(10);
        assertThat(observed.width()).isEqualTo(8);
    }
}
