package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.media.FrameSource;
import java.awt.image.BufferedImage;
import java.util.function.IntConsumer;

/**
 * A clip that tells a callback when frames at each quarter of the clip are rendered, so a long encode
 * reports progress a few times rather than once per frame.
 *
 * @param source   the clip
 * @param rendered called with the number of frames rendered so far, at each quarter
 */
record ProgressFrames(FrameSource source, IntConsumer rendered) implements FrameSource {

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public int frameCount() {
        return source.frameCount();
    }

    @Override
    public BufferedImage frame(int index) {
        BufferedImage frame = source.frame(index);
        int done = index + 1;
        int quarter = Math.max(1, frameCount() / 4);
        if (done % quarter == 0 || done == frameCount()) {
            rendered.accept(done);
        }
        return frame;
    }
}
