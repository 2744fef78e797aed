package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Every {@code stride}-th frame of a clip, for previews; see {@link FrameSource#everyNth}. Resizing
 * resizes the underlying clip, so a renderer still draws directly at the preview size instead of
 * being resampled.
 *
 * @param source the whole clip
 * @param stride take frame 0, stride, 2·stride, …
 */
record StridedFrames(FrameSource source, int stride) implements ForwardingFrames {

    StridedFrames {
        Objects.requireNonNull(source, "source");
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, was " + stride);
        }
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
