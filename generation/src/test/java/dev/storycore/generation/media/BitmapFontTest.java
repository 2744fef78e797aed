package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The built-in pixel font: glyph coverage, metrics and where its pixels land. */
class BitmapFontTest {

    private static final int X = 4;
    private static final int BASELINE = 40;

    /** Draws white text on black at ({@link #X}, {@link #BASELINE}). */
    private static BufferedImage draw(String text, BitmapFont font) {
        BufferedImage image = new BufferedImage(X + font.stringWidth(text) + 8, BASELINE + 30,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            font.draw(g, text, X, BASELINE);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int inkPixels(BufferedImage image) {
        int ink = 0;
        for (int pixel : TestImages.pixels(image)) {
            ink += (pixel & 0xffffff) != 0 ? 1 : 0;
        }
        return ink;
    }

    @Test
    void drawsPixelsForTextAndNoneForASpace() {
        BitmapFont font = BitmapFont.of(10, false);

        assertThat(inkPixels(draw("Hi", font))).isPositive();
        assertThat(inkPixels(draw(" ", font))).isZero();
        assertThat(inkPixels(draw("   ", font))).isZero();
    }

    @Test
    void everyPrintableAsciiCharacterHasItsOwnVisibleGlyph() {
        BitmapFont font = BitmapFont.of(10, false);
        Set<Long> seen = new HashSet<>();
        for (char c = '!'; c <= '~'; c++) {
            assertThat(inkPixels(draw(String.valueOf(c), font))).as("ink of '%s'", c).isPositive();
            assertThat(seen.add(BitmapGlyphs.glyph(c))).as("'%s' looks like another character", c).isTrue();
        }
        assertThat(seen).doesNotContain(BitmapGlyphs.glyph('\uFFFF'));
    }

    @Test
    void charactersOutsideTheSetDrawAsAVisibleBox() {
        BitmapFont font = BitmapFont.of(10, false);
        long box = BitmapGlyphs.glyph('\uFFFD');

        assertThat(BitmapGlyphs.glyph('漢')).isEqualTo(box);
        assertThat(BitmapGlyphs.glyph("😀".codePointAt(0))).isEqualTo(box);
        assertThat(inkPixels(draw("漢", font))).isPositive();
        assertThat(font.stringWidth("😀")).as("one glyph per code point").isEqualTo(font.stringWidth("x"));
    }

    @Test
    void accentedLettersDrawAsTheirBaseLetterAndTypographicMarksHaveGlyphs() {
        assertThat(BitmapGlyphs.glyph('é')).isEqualTo(BitmapGlyphs.glyph('e'));
        assertThat(BitmapGlyphs.glyph('Ñ')).isEqualTo(BitmapGlyphs.glyph('N'));
        long box = BitmapGlyphs.glyph('\uFFFD');
        for (char mark : "…·—–‘’“”°".toCharArray()) {
            assertThat(BitmapGlyphs.glyph(mark)).as("glyph of '%s'", mark).isNotEqualTo(box).isNotZero();
        }
    }

    @Test
    void stringWidthGrowsWithLengthAndScalesWithSize() {
        BitmapFont small = BitmapFont.of(10, false);
        BitmapFont large = BitmapFont.of(30, false);

        assertThat(small.stringWidth("")).isZero();
        assertThat(small.stringWidth("ab")).isGreaterThan(small.stringWidth("a"));
        assertThat(small.stringWidth("abcd")).isEqualTo(2 * small.stringWidth("ab"));
        assertThat(large.stringWidth("abcd")).isEqualTo(3 * small.stringWidth("abcd"));
        assertThat(large.height()).isEqualTo(3 * small.height());
        assertThat(BitmapFont.of(15, false).stringWidth("abcd")).isBetween(small.stringWidth("abcd") + 1,
                large.stringWidth("abcd") - 1);
    }

    @Test
    void tinySizesDrawAtOneDevicePixelPerDesignPixel() {
        assertThat(BitmapFont.of(4, false).height()).isEqualTo(BitmapFont.of(10, false).height());
        assertThat(BitmapFont.of(4, false).stringWidth("abc")).isEqualTo(18);
    }

    @Test
    void largerTextHasMoreInkAndBoldHasMoreStill() {
        int small = inkPixels(draw("Ink", BitmapFont.of(10, false)));
        int large = inkPixels(draw("Ink", BitmapFont.of(40, false)));
        int bold = inkPixels(draw("Ink", BitmapFont.of(40, true)));

        assertThat(large).isEqualTo(16 * small);
        assertThat(bold).isGreaterThan(large);
    }

    @Test
    void drawsInTheCurrentColour() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x12, 0x34, 0x56));
        BitmapFont.of(10, false).pen(g).draw("#", 2, 12);
        g.dispose();

        assertThat(TestImages.pixels(image)).contains(0xff123456).containsOnly(0xff123456, 0xff000000);
    }

    @Property(tries = 100)
    void everyPixelLiesInsideTheMeasuredBox(
            @ForAll @StringLength(min = 1, max = 12) @CharRange(from = ' ', to = '~') String text,
            @ForAll @IntRange(min = 1, max = 60) int size, @ForAll boolean bold) {
        BitmapFont font = BitmapFont.of(size, bold);
        BufferedImage image = draw(text, font);

        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0) {
                    assertThat(x).isBetween(X, X + font.stringWidth(text) - 1);
                    assertThat(y).isBetween(BASELINE - font.ascent(), BASELINE + font.descent() - 1);
                }
            }
        }
    }
}
