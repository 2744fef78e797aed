package dev.storycore.generation.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Frames for the GPU simulator: a seeded procedural scene (a slowly turning two-colour gradient and
 * shapes gliding and bouncing off the edges) with a large translucent "SIMULATED" watermark, the
 * label and frame number in a corner and the prompt in small type along the bottom.
 *
 * <p>Every frame is computed from the seed and the frame index alone (motion is a closed-form
 * bounce, not a step-by-step simulation), so frames can be rendered in any order. Text is drawn
 * with a built-in bitmap font on a machine where AWT cannot draw text (see {@link TextEngine}).
 * Immutable, thread-safe, the same pixels for the same scene.
 */
public final class SimulatedFrameRenderer implements FrameSource {

    /** The watermark on every frame, so simulated output is never mistaken for a real render. */
    public static final String WATERMARK = "SIMULATED";

    private static final int SHAPES = 6;

    private final SimulatedScene scene;
    private final TextEngine text;
    private final Color from;
    private final Color to;
    private final List<Shape> shapes;

    private SimulatedFrameRenderer(SimulatedScene scene, TextEngine text) {
        this.scene = scene;
        this.text = text;
        SplittableRandom random = new SplittableRandom(scene.seed());
        float hue = random.nextFloat();
        this.from = Color.getHSBColor(hue, 0.6f, 0.35f);
        this.to = Color.getHSBColor(hue + 0.3f, 0.5f, 0.6f);
        List<Shape> list = new ArrayList<>(SHAPES);
        for (int i = 0; i < SHAPES; i++) {
            list.add(Shape.random(random, hue));
        }
        this.shapes = List.copyOf(list);
    }

    /**
     * A renderer for a scene.
     *
     * @param scene what to show
     * @return the clip
     */
    public static SimulatedFrameRenderer of(SimulatedScene scene) {
        return of(scene, TextEngine.detected());
    }

    /** A renderer drawing its text with a given engine; tests force the bitmap font through this. */
    static SimulatedFrameRenderer of(SimulatedScene scene, TextEngine text) {
        return new SimulatedFrameRenderer(Objects.requireNonNull(scene, "scene"),
                Objects.requireNonNull(text, "text"));
    }

    @Override
    public int width() {
        return scene.format().width();
    }

    @Override
    public int height() {
        return scene.format().height();
    }

    @Override
    public int frameCount() {
        return scene.format().frameCount();
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
    public SimulatedFrameRenderer resized(int width, int height) {
        FrameFormat format = FrameFormat.of(width, height, frameCount());
        return of(new SimulatedScene(scene.prompt(), scene.label(), format, scene.seed()), text);
    }

    @Override
    public BufferedImage frame(int index) {
        Objects.checkIndex(index, frameCount());
        int w = width();
        int h = height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            TextPainter.antialias(g);
            double angle = index * 0.02;
            float cx = w / 2f;
            float cy = h / 2f;
            float dx = (float) Math.cos(angle) * w / 2f;
            float dy = (float) Math.sin(angle) * h / 2f;
            g.setPaint(new GradientPaint(cx - dx, cy - dy, from, cx + dx, cy + dy, to));
            g.fillRect(0, 0, w, h);
            double size = Math.min(w, h);
            for (Shape shape : shapes) {
                shape.paint(g, w, h, size, index);
            }
            paintText(g, w, h, index);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void paintText(Graphics2D g, int w, int h, int index) {
        int unit = Math.max(6, Math.min(w, h) / 20);
        int pad = Math.max(1, unit / 3);
        TextPen big = watermarkPen(g, w, h);
        String mark = TextPainter.ellipsize(WATERMARK, big, w);
        Composite plain = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.4f));
        g.setColor(Color.WHITE);
        big.draw(mark, (w - big.stringWidth(mark)) / 2, (h - big.height()) / 2 + big.ascent());
        g.setComposite(plain);
        TextPen small = text.pen(g, unit, false);
        String corner = (scene.label().isBlank() ? "" : scene.label() + " · ")
                + "frame " + (index + 1) + "/" + frameCount();
        g.setColor(new Color(0, 0, 0, 140));
        g.fillRect(0, 0, w, small.height() + pad);
        g.fillRect(0, h - small.height() - pad, w, small.height() + pad);
        g.setColor(Color.WHITE);
        small.draw(TextPainter.ellipsize(WATERMARK + " · " + corner, small, w - 2 * pad), pad,
                pad / 2 + small.ascent());
        small.draw(TextPainter.ellipsize(scene.prompt().strip(), small, w - 2 * pad), pad,
                h - pad / 2 - small.descent());
    }

    /** The largest bold pen at which the watermark fills about 90 % of the width. */
    private TextPen watermarkPen(Graphics2D g, int w, int h) {
        int size = Math.max(8, h / 3);
        TextPen pen = text.pen(g, size, true);
        int width = pen.stringWidth(WATERMARK);
        if (width > 0.9 * w) {
            pen = text.pen(g, Math.max(6, (int) (size * 0.9 * w / width)), true);
        }
        return pen;
    }

    /** One moving shape; position in units of the free room, speed in rooms per frame. */
    private record Shape(boolean round, Color color, double radius, double x0, double y0,
            double vx, double vy) {

        static Shape random(SplittableRandom random, float hue) {
            Color color = Color.getHSBColor(hue + 0.5f + random.nextFloat() * 0.3f,
                    0.5f + random.nextFloat() * 0.4f, 0.7f + random.nextFloat() * 0.3f);
            return new Shape(random.nextBoolean(), color, 0.06 + random.nextDouble() * 0.1,
                    random.nextDouble(), random.nextDouble(),
                    (random.nextDouble() - 0.5) * 0.04, (random.nextDouble() - 0.5) * 0.04);
        }

        void paint(Graphics2D g, int w, int h, double size, int frame) {
            double r = radius * size;
            double x = r + bounce(x0 + vx * frame) * Math.max(0, w - 2 * r);
            double y = r + bounce(y0 + vy * frame) * Math.max(0, h - 2 * r);
            g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 200));
            g.fill(round ? new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r)
                    : new RoundRectangle2D.Double(x - r, y - r, 2 * r, 2 * r, r / 2, r / 2));
        }

        /** Maps an unbounded position to [0, 1] as a ball bouncing between two walls would move. */
        static double bounce(double position) {
            double p = position - 2 * Math.floor(position / 2);
            return p <= 1 ? p : 2 - p;
        }
    }
}
