package dev.storycore.generation.media;

/**
 * A font at one size bound to one {@link java.awt.Graphics2D}: measures text and draws it in the
 * graphics' current paint and composite. Frames get pens from {@link TextEngine#pen}, so they draw the
 * same way whether text goes through AWT fonts or the built-in bitmap font.
 *
 * <p>Not thread-safe: use a pen on the thread that owns its graphics context.
 */
interface TextPen extends TextMetrics {

    /**
     * Draws one line of text.
     *
     * @param text     what to draw
     * @param x        the left edge
     * @param baseline the baseline's y
     */
    void draw(String text, int x, int baseline);
}
