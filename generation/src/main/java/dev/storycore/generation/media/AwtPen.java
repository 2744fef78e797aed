package dev.storycore.generation.media;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * A pen that draws with an AWT font (the logical SansSerif by default) and falls back to the
 * {@link BitmapFont} of the same size for any call AWT fails on. A machine whose fonts passed the
 * {@link FontProbe} can still fail later (a font file removed, a fontconfig cache gone stale); such a
 * failure costs that one measurement or line of text its looks, never the frame. Failures are
 * classified by {@link FontProbe#rethrowIfFatal}: virtual-machine errors other than
 * {@link InternalError} still propagate.
 *
 * <p>Not thread-safe, like the {@link Graphics2D} it draws into.
 */
final class AwtPen implements TextPen {

    /** Below this AWT text is unreadable, so smaller requests are drawn at this size. */
    private static final int MIN_SIZE = 6;

    private final Graphics2D g;
    private final Font font;
    private final FontMetrics metrics;
    private final BitmapFont fallback;
    private final int ascent;
    private final int descent;
    private final int height;

    private AwtPen(Graphics2D g, Font font, FontMetrics metrics, BitmapFont fallback) {
        this.g = g;
        this.font = font;
        this.metrics = metrics;
        this.fallback = fallback;
        this.ascent = metrics.getAscent();
        this.descent = metrics.getDescent();
        this.height = metrics.getHeight();
    }

    /**
     * A SansSerif pen, or a bitmap-font pen if AWT cannot even measure text.
     *
     * @param g    where to draw; its font is set to the pen's
     * @param size the font size in pixels (at least 6 is used)
     * @param bold whether to use the bold face
     * @return the pen
     */
    static TextPen of(Graphics2D g, int size, boolean bold) {
        Font font;
        try {
            font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, Math.max(MIN_SIZE, size));
        } catch (Throwable failure) {
            // Font's class initialiser loads native code, which a stripped runtime may lack.
            FontProbe.rethrowIfFatal(failure);
            FontProbe.warnOnce(failure);
            return BitmapFont.of(size, bold).pen(g);
        }
        return of(g, font);
    }

    /**
     * A pen for a given font; tests pass fonts that fail to show the fallback.
     *
     * @param g    where to draw; its font is set to {@code font}
     * @param font the AWT font
     * @return the pen, or a bitmap-font pen of the same size if AWT cannot measure with {@code font}
     */
    static TextPen of(Graphics2D g, Font font) {
        BitmapFont fallback = BitmapFont.of(font.getSize(), font.isBold());
        try {
            g.setFont(font);
            return new AwtPen(g, font, g.getFontMetrics(), fallback);
        } catch (Throwable failure) {
            FontProbe.rethrowIfFatal(failure);
            FontProbe.warnOnce(failure);
            return fallback.pen(g);
        }
    }

    @Override
    public int stringWidth(String text) {
        try {
            return metrics.stringWidth(text);
        } catch (Throwable failure) {
            FontProbe.rethrowIfFatal(failure);
            FontProbe.warnOnce(failure);
            return fallback.stringWidth(text);
        }
    }

    @Override
    public int ascent() {
        return ascent;
    }

    @Override
    public int descent() {
        return descent;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void draw(String text, int x, int baseline) {
        try {
            // Pens share the graphics, so the font last set may be another pen's.
            g.setFont(font);
            g.drawString(text, x, baseline);
        } catch (Throwable failure) {
            FontProbe.rethrowIfFatal(failure);
            FontProbe.warnOnce(failure);
            fallback.draw(g, text, x, baseline);
        }
    }
}
