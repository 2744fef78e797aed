package dev.storycore.generation.media;

/**
 * The size and length of a clip to render.
 *
 * @param width      frame width in pixels, 1 to {@value MediaChecks#MAX_SIDE}
 * @param height     frame height in pixels, 1 to {@value MediaChecks#MAX_SIDE}
 * @param frameCount number of frames, at least 1
 */
public record FrameFormat(int width, int height, int frameCount) {

    /**
     * Checks the values.
     *
     * @throws dev.storycore.generation.GenerationException if a side is not in range or
     *                                                      {@code frameCount < 1}
     */
    public FrameFormat {
        MediaChecks.side(width, "width");
        MediaChecks.side(height, "height");
        MediaChecks.positive(frameCount, "frameCount");
    }

    /**
     * A format.
     *
     * @param width      frame width in pixels
     * @param height     frame height in pixels
     * @param frameCount number of frames
     * @return the format
     * @throws dev.storycore.generation.GenerationException if a value is out of range
     */
    public static FrameFormat of(int width, int height, int frameCount) {
        return new FrameFormat(width, height, frameCount);
    }
}
