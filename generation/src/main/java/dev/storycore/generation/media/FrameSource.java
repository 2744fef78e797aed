package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * A clip of equally sized frames, rendered on demand one at a time, so writers can stream long
 * clips without holding them in memory.
 *
 * <p>Implementations in this package are pure: {@link #frame(int)} returns a new image each call,
 * the same pixels for the same index, and may be called in any order and from any thread.
 */
public interface FrameSource {

    /**
     * The frame width.
     *
     * @return width in pixels, at least 1
     */
    int width();

    /**
     * The frame height.
     *
     * @return height in pixels, at least 1
     */
    int height();

    /**
     * The number of frames.
     *
     * @return at least 1
     */
    int frameCount();

    /**
     * Renders one frame.
     *
     * @param index 0-based, below {@link #frameCount()}
     * @return a new image of {@link #width()} × {@link #height()}, owned by the caller
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    BufferedImage frame(int index);

    /**
     * A source over frames already in memory. The list is copied; the images are not, and
     * {@link #frame(int)} returns a copy so callers cannot change them.
     *
     * @param frames at least one frame, all the same size
     * @return the source
     * @throws GenerationException if the list is empty or the sizes differ
     */
    static FrameSource of(List<BufferedImage> frames) {
        Objects.requireNonNull(frames, "frames");
        if (frames.isEmpty()) {
            throw new GenerationException("no frames to write");
        }
        BufferedImage first = MediaChecks.image(frames.get(0), "frame 0");
        for (int i = 1; i < frames.size(); i++) {
            MediaChecks.frame(frames.get(i), i, first.getWidth(), first.getHeight());
        }
        return new ListFrames(List.copyOf(frames));
    }

    /**
     * A still image held for a number of frames, e.g. an input image to upscale or inpaint as video.
     *
     * @param image      the image; copied
     * @param frameCount how many frames, at least 1
     * @return the source
     * @throws GenerationException if {@code frameCount < 1} or the image is empty or too large
     */
    static FrameSource still(BufferedImage image, int frameCount) {
        MediaChecks.image(image, "image");
        MediaChecks.positive(frameCount, "frameCount");
        return new ListFrames(Collections.nCopies(frameCount, Images.copy(image)));
    }

    /**
     * The same clip at another frame size, for previews. This default resamples every frame with
     * {@link LanczosUpscaler}; renderers override it to draw directly at the new size, which is
     * several times faster and keeps text sharp.
     *
     * @param width  the new width
     * @param height the new height
     * @return the resized clip
     * @throws GenerationException if a side is out of range
     */
    default FrameSource resized(int width, int height) {
        return LanczosUpscaler.resize(this, width, height);
    }

    /**
     * Every {@code stride}-th frame of this clip (0, stride, 2·stride, …), e.g. for a preview. Resizing
     * the result resizes this clip, so a renderer still draws at the new size instead of being resampled.
     *
     * @param stride at least 1; 1 returns this clip
     * @return the thinned clip
     * @throws IllegalArgumentException if {@code stride < 1}
     */
    default FrameSource everyNth(int stride) {
        return stride == 1 ? this : new StridedFrames(this, stride);
    }

    /**
     * This clip, calling {@code observer} with each frame's index after the frame is rendered and
     * before it is returned: for progress reports, or a test's failure at a chosen frame. What the
     * observer throws reaches the caller of {@link #frame(int)}.
     *
     * @param observer called once per rendered frame, on the rendering thread
     * @return the observed source
     */
    default FrameSource onEachFrame(IntConsumer observer) {
        return new ObservedFrames(this, Objects.requireNonNull(observer, "observer"));
    }

    /**
     * This clip with {@code step} applied to every frame as it is rendered.
     *
     * @param width  the width of the images {@code step} returns
     * @param height the height of the images {@code step} returns
     * @param step   a pure function from a frame to a new frame
     * @return the mapped source
     * @throws GenerationException if a side is not positive
     */
    default FrameSource map(int width, int height, UnaryOperator<BufferedImage> step) {
        return new MappedFrames(this, MediaChecks.side(width, "width"),
                MediaChecks.side(height, "height"), Objects.requireNonNull(step, "step"));
    }
}
