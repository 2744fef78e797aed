package dev.storycore.generation.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The text-to-video placeholder: an animated title card with a "PLACEHOLDER — generated on CPU"
 * banner (shortened, but never below "PLACEHOLDER", on frames too narrow for it), the shot id,
 * the prompt word-wrapped in the middle, a background gradient that drifts across the frame and a
 * progress bar that fills from the first frame to the last.
 *
 * <p>This is the last-resort tier, so its text never depends on installed fonts: on a machine where
 * AWT cannot draw text it is drawn with a built-in bitmap font instead (see {@link TextEngine}).
 *
 * <p>A pure function of the {@link TitleCard} (and of whether fonts work here): immutable, thread-safe,
 * same pixels for the same card.
 */
public final class TitleCardRenderer implements FrameSource {

    /** The banner on every frame, so nobody mistakes the card for generated footage. */
    public static final String LABEL = "PLACEHOLDER — generated on CPU";

    private static final Color BANNER = new Color(0xF5, 0xB0, 0x2E);
    private static final Color INK = new Color(0xF2, 0xF2, 0xF2);
    private static final Color MUTED = new Color(0xB8, 0xB8, 0xC0);

    private final TitleCard card;
    private final TextEngine text;
    private final Color dark;
    private final Color light;

    private TitleCardRenderer(TitleCard card, TextEngine text) {
        this.card = card;
        this.text = text;
        float hue = new SplittableRandom(card.seed()).nextFloat();
        this.dark = Color.getHSBColor(hue, 0.55f, 0.18f);
        this.light = Color.getHSBColor(hue + 0.08f, 0.45f, 0.34f);
    }

    /**
     * A renderer for a card.
     *
     * @param card what to show
     * @return the clip
     */
    public static TitleCardRenderer of(TitleCard card) {
        return of(card, TextEngine.detected());
    }

    /** A renderer drawing its text with a given engine; tests force the bitmap font through this. */
    static TitleCardRenderer of(TitleCard card, TextEngine text) {
        return new TitleCardRenderer(Objects.requireNonNull(card, "card"), Objects.requireNonNull(text, "text"));
    }

    @Override
    public int width() {
        return card.format().width();
    }

    @Override
    public int height() {
        return card.format().height();
    }

    @Override
    public int frameCount() {
        return card.format().frameCount();
    }

    /**
     * The same clip drawn directly at another size; text and shapes scale with the frame.
     *
     * @param width  the new width
     * @param height the new height
     * @return a renderer for the resized clip
     * @throws dev.storycore.generation.GenerationException if a side is out of range
     */
    @Override
    public TitleCardRenderer resized(int width, int height) {
        FrameFormat format = FrameFormat.of(width, height, frameCount());
        return of(new TitleCard(card.shotId(), card.prompt(), format, card.seed()), text);
    }

    @Override
    public BufferedImage frame(int index) {
        Objects.checkIndex(index, frameCount());
        int w = width();
        int h = height();
        double progress = (index + 1.0) / frameCount();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            TextPainter.antialias(g);
            paintBackground(g, w, h, progress);
            int unit = Math.max(6, Math.min(w, h) / 12);
            int bannerBottom = paintBanner(g, w, unit);
            int barHeight = Math.max(2, h / 40);
            paintPrompt(g, w, bannerBottom, h - barHeight - unit / 2, unit);
            g.setColor(new Color(0, 0, 0, 120));
            g.fillRect(0, h - barHeight, w, barHeight);
            g.setColor(BANNER);
            g.fillRect(0, h - barHeight, (int) Math.round(w * progress), barHeight);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void paintBackground(Graphics2D g, int w, int h, double progress) {
        float shift = (float) (progress * w);
        g.setPaint(new LinearGradientPaint(shift, 0f, shift + w, h, new float[] {0f, 0.5f, 1f},
                new Color[] {dark, light, dark}, CycleMethod.REPEAT));
        g.fillRect(0, 0, w, h);
    }

    /** Draws the banner and the shot id below it; returns the y just below both. */
    private int paintBanner(Graphics2D g, int w, int unit) {
        int pad = Math.max(1, unit / 4);
        TextPen bold = text.pen(g, unit, true);
        int bannerHeight = bold.height() + pad;
        g.setColor(BANNER);
        g.fillRect(0, 0, w, bannerHeight);
        g.setColor(Color.BLACK);
        String label = fittingLabel(bold, w - 2 * pad);
        bold.draw(label, (w - bold.stringWidth(label)) / 2, pad / 2 + bold.ascent());
        TextPen small = text.pen(g, unit * 3 / 4, false);
        g.setColor(MUTED);
        String id = card.shotId().regionMatches(true, 0, "shot", 0, 4)
                ? card.shotId() : "shot " + card.shotId();
        String shot = TextPainter.ellipsize(id, small, w - 2 * pad);
        small.draw(shot, pad, bannerHeight + pad + small.ascent());
        return bannerHeight + 2 * pad + small.height();
    }

    /** The full label if it fits, else a shorter one, so "PLACEHOLDER" is never cut off. */
    private static String fittingLabel(TextMetrics metrics, int maxWidth) {
        for (String label : List.of(LABEL, "PLACEHOLDER · CPU", "PLACEHOLDER")) {
            if (metrics.stringWidth(label) <= maxWidth) {
                return label;
            }
        }
        return TextPainter.ellipsize("PLACEHOLDER", metrics, maxWidth);
    }

    private void paintPrompt(Graphics2D g, int w, int top, int bottom, int unit) {
        TextPen pen = text.pen(g, unit, false);
        int maxLines = Math.max(1, (bottom - top) / pen.height());
        int margin = Math.max(2, w / 16);
        List<String> lines = TextPainter.wrap(card.prompt(), pen, w - 2 * margin, maxLines);
        int blockHeight = lines.size() * pen.height();
        g.setColor(INK);
        TextPainter.drawCentered(pen, lines, w / 2, top + Math.max(0, (bottom - top - blockHeight) / 2));
    }
}
