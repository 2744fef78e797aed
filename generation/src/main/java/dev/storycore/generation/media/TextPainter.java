package dev.storycore.generation.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;

/**
 * Text layout on frames: greedy word wrapping, an ellipsis when text does not fit, centred blocks.
 * Measures through {@link TextMetrics} and draws through {@link TextPen}, so layout is the same whether
 * a {@link TextEngine} draws with AWT fonts or with the built-in bitmap font.
 *
 * <p>Stateless and thread-safe; the graphics and pens passed in are not.
 */
final class TextPainter {

    private TextPainter() {
    }

    static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /**
     * Splits text into lines no wider than {@code maxWidth}, at most {@code maxLines} of them; words
     * longer than a line are broken, and the last line ends in an ellipsis if text was cut.
     */
    static List<String> wrap(String text, TextMetrics metrics, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (metrics.stringWidth(rest) > maxWidth && rest.length() > 1) {
                int cut = fittingPrefix(rest, metrics, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, Math.max(1, maxLines)));
        int last = kept.size() - 1;
        kept.set(last, ellipsize(kept.get(last) + " …", metrics, maxWidth));
        return kept;
    }

    /** The text, shortened with a trailing ellipsis until it fits {@code maxWidth}. */
    static String ellipsize(String text, TextMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        String body = text.endsWith(" …") ? text.substring(0, text.length() - 2) : text;
        for (int end = body.length() - 1; end > 0; end--) {
            String candidate = body.substring(0, end).stripTrailing() + "…";
            if (metrics.stringWidth(candidate) <= maxWidth) {
                return candidate;
            }
        }
        return "…";
    }

    private static int fittingPrefix(String word, TextMetrics metrics, int maxWidth) {
        int end = 1;
        while (end < word.length() && metrics.stringWidth(word.substring(0, end + 1)) <= maxWidth) {
            end++;
        }
        return end;
    }

    /** Draws lines centred horizontally, the block starting at baseline {@code top + ascent}. */
    static void drawCentered(TextPen pen, List<String> lines, int centerX, int top) {
        int y = top + pen.ascent();
        for (String line : lines) {
            pen.draw(line, centerX - pen.stringWidth(line) / 2, y);
            y += pen.height();
        }
    }
}
