package dev.storycore.generation.media;

import java.awt.Graphics2D;
import java.util.Objects;

/**
 * A built-in pixel font drawn with filled rectangles, so text needs no font files, no fontconfig and
 * no native font code: what frames use when AWT cannot draw text (see {@link TextEngine}).
 *
 * <p>Glyphs come from {@link BitmapGlyphs} (5×9 design pixels). The font is monospaced: each
 * character advances 6 design pixels (the glyph and a column of space), and a line is 10 design pixels
 * (a row of space above capitals, 7 rows down to the baseline, 2 of descenders). One design pixel is
 * {@code size / 10} device pixels but never less than one, so size {@code N} comes out about as tall
 * and wide as an {@code N}-point SansSerif font and stays legible at tiny sizes. Bold widens each
 * stroke by half a design pixel once there is room to (size 20 and up). Drawing fills rectangles with
 * the graphics' current paint and composite, without antialiasing.
 *
 * <p>Immutable and thread-safe; the {@link Graphics2D} passed to {@link #draw} is not.
 */
final class BitmapFont implements TextMetrics {

    private static final int ADVANCE = BitmapGlyphs.COLUMNS + 1;
    private static final int ASCENT = BitmapGlyphs.BODY_ROWS + 1;
    private static final int DESCENT = BitmapGlyphs.ROWS - BitmapGlyphs.BODY_ROWS;
    private static final double SIZE_PER_DESIGN_PIXEL = ASCENT + DESCENT;

    private final double scale;
    private final int boldExtra;

    private BitmapFont(double scale, int boldExtra) {
        this.scale = scale;
        this.boldExtra = boldExtra;
    }

    /**
     * The font at a size comparable to a point size of AWT's SansSerif.
     *
     * @param size the wanted size in pixels; values under 10 draw at the smallest scale
     * @param bold whether strokes are thickened
     * @return the font
     */
    static BitmapFont of(int size, boolean bold) {
        double scale = Math.max(1.0, size / SIZE_PER_DESIGN_PIXEL);
        return new BitmapFont(scale, bold ? (int) (scale / 2) : 0);
    }

    @Override
    public int stringWidth(String text) {
        return (int) Math.round(text.codePointCount(0, text.length()) * ADVANCE * scale);
    }

    @Override
    public int ascent() {
        return (int) Math.round(ASCENT * scale);
    }

    @Override
    public int descent() {
        return (int) Math.round(DESCENT * scale);
    }

    @Override
    public int height() {
        return ascent() + descent();
    }

    /**
     * Draws text in the graphics' current paint; every pixel lies within {@code stringWidth(text)}
     * to the right of {@code x} and from {@code ascent()} above to {@code descent()} below the baseline.
     *
     * @param g        where to draw
     * @param text     what to draw; characters without a glyph draw as a hollow box
     * @param x        the left edge
     * @param baseline the baseline's y
     */
    void draw(Graphics2D g, String text, int x, int baseline) {
        int index = 0;
        for (int offset = 0; offset < text.length(); index++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            drawGlyph(g, BitmapGlyphs.glyph(codePoint), x, index * ADVANCE, baseline);
        }
    }

    /**
     * This font bound to a graphics context.
     *
     * @param g where the pen draws
     * @return a pen measuring with this font and drawing into {@code g}
     */
    TextPen pen(Graphics2D g) {
        Objects.requireNonNull(g, "g");
        BitmapFont font = this;
        return new TextPen() {
            @Override
            public int stringWidth(String text) {
                return font.stringWidth(text);
            }

            @Override
            public int ascent() {
                return font.ascent();
            }

            @Override
            public int descent() {
                return font.descent();
            }

            @Override
            public int height() {
                return font.height();
            }

            @Override
            public void draw(String text, int x, int baseline) {
                font.draw(g, text, x, baseline);
            }
        };
    }

    /** Fills each horizontal run of set bits as one rectangle; {@code column0} is in design pixels. */
    private void drawGlyph(Graphics2D g, long glyph, int x, int column0, int baseline) {
        for (int row = 0; row < BitmapGlyphs.ROWS; row++) {
            int bits = BitmapGlyphs.row(glyph, row);
            int top = baseline + scaled(row - BitmapGlyphs.BODY_ROWS);
            int bottom = baseline + scaled(row + 1 - BitmapGlyphs.BODY_ROWS);
            int column = 0;
            while (column < BitmapGlyphs.COLUMNS) {
                if ((bits & bit(column)) == 0) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < BitmapGlyphs.COLUMNS && (bits & bit(column)) != 0) {
                    column++;
                }
                int left = x + scaled(column0 + start);
                int right = x + scaled(column0 + column) + boldExtra;
                g.fillRect(left, top, right - left, bottom - top);
            }
        }
    }

    private static int bit(int column) {
        return 1 << (BitmapGlyphs.COLUMNS - 1 - column);
    }

    private int scaled(int designPixels) {
        return (int) Math.round(designPixels * scale);
    }
}
