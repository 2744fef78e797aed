package dev.storycore.generation.backend.sim;

import dev.storycore.generation.media.FrameSource;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Every {@code stride}-th frame of a clip, for previews. Resizing resizes the underlying clip, so a
 * renderer still draws directly at the preview size instead of being resampled.
 *
 * @param source the whole clip
 * @param stride take frame 0, stride, 2·stride, …
 */
record StridedFrames(FrameSource source, int stride) implements FrameSource {

    StridedFrames {
        Objects.requireNonNull(source, "source");
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, was " + stride);
        }
    }

    static FrameSource of(FrameSource source, int stride) {
        return stride == 1 ? source : new StridedFrames(source, stride);
    }

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
        return (source.frameCount() + stride - 1) / stride;
    }

    @Override
    public BufferedImage frame(int index) {
        Objects.checkIndex(index, frameCount());
        return source.frame(index * stride);
    }

    @Override
    public FrameSource resized(int width, int height) {
        return new StridedFrames(source.resized(width, height), stride);
    }
}
