package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;

/**
 * How to encode a video.
 *
 * @param fps             frames per second, 1 to 240
 * @param preview         encode at a reduced size to save time (see {@link #preview(int)})
 * @param previewLongSide in preview mode, the longest side of the written frames in pixels;
 *                        frames already that small are written as they are
 */
public record VideoOptions(int fps, boolean preview, int previewLongSide) {

    /**
     * The long side of a preview unless told otherwise. Measured with JCodec on one core once the
     * JVM is warm: a 1280×720 clip previewed at 480×270 renders and encodes at about 100 frames/s,
     * against about 9 frames/s at full size.
     */
    public static final int DEFAULT_PREVIEW_LONG_SIDE = 480;

    /**
     * Checks the values.
     *
     * @throws GenerationException if {@code fps} is not in 1..240 or {@code previewLongSide < 16}
     */
    public VideoOptions {
        MediaChecks.fps(fps);
        if (previewLongSide < 16) {
            throw new GenerationException(
                    "previewLongSide must be at least 16, was " + previewLongSide);
        }
    }

    /**
     * Full size: every frame written as rendered.
     *
     * @param fps frames per second
     * @return the options
     * @throws GenerationException if {@code fps} is out of range
     */
    public static VideoOptions full(int fps) {
        return new VideoOptions(fps, false, DEFAULT_PREVIEW_LONG_SIDE);
    }

    /**
     * A preview with the long side at most {@value #DEFAULT_PREVIEW_LONG_SIDE} pixels.
     *
     * @param fps frames per second
     * @return the options
     * @throws GenerationException if {@code fps} is out of range
     */
    public static VideoOptions preview(int fps) {
        return new VideoOptions(fps, true, DEFAULT_PREVIEW_LONG_SIDE);
    }

    /**
     * A preview with the long side at most {@code longSide} pixels.
     *
     * @param fps      frames per second
     * @param longSide the longest side of the written frames, at least 16
     * @return the options
     * @throws GenerationException if a value is out of range
     */
    public static VideoOptions preview(int fps, int longSide) {
        return new VideoOptions(fps, true, longSide);
    }

    /**
     * The scale at which frames of this size are written: 1.0 at full size, else
     * {@code previewLongSide / max(width, height)} capped at 1.0.
     *
     * @param width  rendered width
     * @param height rendered height
     * @return the scale, in (0, 1]
     */
    public double scaleFor(int width, int height) {
        int longSide = Math.max(width, height);
        return preview && longSide > previewLongSide ? (double) previewLongSide / longSide : 1.0;
    }
}
