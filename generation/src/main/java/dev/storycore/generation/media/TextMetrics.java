package dev.storycore.generation.media;

/**
 * What text layout needs to know about a font at one size, in pixels: how wide a string is and how
 * lines stack. {@link TextPainter} wraps and shortens text through it, so layout works the same with
 * AWT fonts ({@link AwtPen}) and with the built-in {@link BitmapFont}.
 *
 * <p>Implementations say whether they are thread-safe.
 */
interface TextMetrics {

    /**
     * The advance width of a string.
     *
     * @param text any text
     * @return its width in pixels, zero for the empty string
     */
    int stringWidth(String text);

    /**
     * The distance from the baseline up to the top of the tallest characters.
     *
     * @return pixels above the baseline
     */
    int ascent();

    /**
     * The distance from the baseline down to the bottom of descenders.
     *
     * @return pixels below the baseline
     */
    int descent();

    /**
     * The distance from one baseline to the next.
     *
     * @return the line height in pixels
     */
    int height();
}
