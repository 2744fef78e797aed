package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping, shortening and centring text, measured with the bitmap font (6 pixels a character). */
class TextPainterTest {

    private static final BitmapFont FONT = BitmapFont.of(10, false);

    @Test
    void wrapsWordsIntoLinesNoWiderThanTheLimit() {
        List<String> lines = TextPainter.wrap("a paper boat drifting down a rainy gutter", FONT, 60, 10);

        assertThat(lines).containsExactly("a paper", "boat", "drifting", "down a", "rainy", "gutter");
        assertThat(lines).allSatisfy(line -> assertThat(FONT.stringWidth(line)).isLessThanOrEqualTo(60));
    }

    @Test
    void breaksWordsLongerThanALine() {
        assertThat(TextPainter.wrap("abcdefghijklmnop", FONT, 36, 5)).containsExactly("abcdef", "ghijkl", "mnop");
    }

    @Test
    void endsTheLastKeptLineWithAnEllipsisWhenLinesRunOut() {
        List<String> lines = TextPainter.wrap("one two three four five six", FONT, 48, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("one two");
        assertThat(lines.get(1)).endsWith("…");
        assertThat(FONT.stringWidth(lines.get(1))).isLessThanOrEqualTo(48);
    }

    @Test
    void ellipsizeKeepsTextThatFitsAndShortensTextThatDoesNot() {
        assertThat(TextPainter.ellipsize("PLACEHOLDER", FONT, 66)).isEqualTo("PLACEHOLDER");
        assertThat(TextPainter.ellipsize("PLACEHOLDER", FONT, 65)).isEqualTo("PLACEHOLD…");
        assertThat(TextPainter.ellipsize("PLACEHOLDER", FONT, 5)).isEqualTo("…");
    }

    @Test
    void drawCenteredPutsEachLineAroundTheCentre() {
        BufferedImage image = new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        TextPainter.drawCentered(FONT.pen(g), List.of("HHHH", "H"), 50, 0);
        g.dispose();

        // "HHHH" spans x 38..61 on the first line; "H" spans 47..52 on the second (10 pixels lower).
        assertThat(image.getRGB(38, 5) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(37, 5) & 0xffffff).isZero();
        assertThat(image.getRGB(47, 15) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(38, 15) & 0xffffff).isZero();
    }
}
