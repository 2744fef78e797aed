package dev.storycore.generation.media;

import java.awt.Graphics2D;

/**
 * How frames draw text. The title card and the simulator's frames are the tiers of last resort, so
 * their text must render even on a machine with no fonts at all: {@link #detected()} asks the
 * {@link FontProbe} once and answers {@link #BITMAP_FONT} there, {@link #AWT_FONTS} everywhere else.
 * Renderers take an engine in package-private factories so tests can force either path.
 *
 * <p>Immutable and thread-safe; the pens it makes are not (see {@link TextPen}).
 */
enum TextEngine {

    /** The logical SansSerif font through AWT; any call AWT fails on falls back to the bitmap font. */
    AWT_FONTS {
        @Override
        TextPen pen(Graphics2D g, int size, boolean bold) {
            return AwtPen.of(g, size, bold);
        }
    },

    /** The built-in {@link BitmapFont}: filled rectangles, no font machinery at all. */
    BITMAP_FONT {
        @Override
        TextPen pen(Graphics2D g, int size, boolean bold) {
            return BitmapFont.of(size, bold).pen(g);
        }
    };

    /**
     * A pen drawing into {@code g} at a size comparable to an AWT point size.
     *
     * @param g    where to draw
     * @param size the font size in pixels
     * @param bold whether to use the bold face
     * @return the pen
     */
    abstract TextPen pen(Graphics2D g, int size, boolean bold);

    /**
     * The engine this JVM should use, probed once (see {@link FontProbe}).
     *
     * @return {@link #AWT_FONTS} if AWT can draw text here, else {@link #BITMAP_FONT}
     */
    static TextEngine detected() {
        return FontProbe.system().engine();
    }
}
