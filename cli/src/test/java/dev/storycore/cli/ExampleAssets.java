package dev.storycore.cli;

import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.generation.media.VideoOptions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the small input files of {@code examples/storyboard.json}: four 256×144 stills, an inpainting
 * mask and a 17-frame source clip, all procedural. Run once from the repository root when the examples
 * change: {@code java -cp ... dev.storycore.cli.ExampleAssets examples}.
 */
public final class ExampleAssets {

    static final int WIDTH = 256;
    static final int HEIGHT = 144;

    private ExampleAssets() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples");
        Files.createDirectories(folder);
        png(folder.resolve("fisherman.png"), scene(new Color(0x8fb8de), new Color(0x1f4e79), 0, 0.0));
        png(folder.resolve("boat.png"), scene(new Color(0xf3c58b), new Color(0x265a73), 1, 0.0));
        png(folder.resolve("sunset.png"), scene(new Color(0xf28a5b), new Color(0x3b2f63), 2, 0.0));
        png(folder.resolve("gull.png"), scene(new Color(0xcfe3f2), new Color(0x2f6f8f), 3, 0.0));
        png(folder.resolve("sign-mask.png"), mask());
        FrameSource clip = new FrameSource() {
            @Override
            public int width() {
                return WIDTH;
            }

            @Override
            public int height() {
                return HEIGHT;
            }

            @Override
            public int frameCount() {
                return 17;
            }

            @Override
            public BufferedImage frame(int index) {
                return scene(new Color(0x9cc3e6), new Color(0x1d4f6e), 1, index / 16.0);
            }
        };
        Mp4Writer.pureJava().write(folder.resolve("harbour.mp4"), clip, VideoOptions.full(16));
    }

    /** Sky, sea, a quay and one motif; {@code t} in [0, 1] moves the boat for the clip. */
    static BufferedImage scene(Color sky, Color sea, int motif, double t) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, sky, 0, 90, sky.brighter()));
        g.fillRect(0, 0, WIDTH, 90);
        g.setPaint(new GradientPaint(0, 90, sea, 0, HEIGHT, sea.darker()));
        g.fillRect(0, 90, WIDTH, HEIGHT - 90);
        g.setColor(new Color(0x5b4a3a));
        g.fillRect(0, 100, 70, 44);
        g.setColor(new Color(0xd9d2c5));
        g.fillRect(150, 40, 50, 30);
        switch (motif) {
            case 0 -> person(g);
            case 1 -> boat(g, 90 + (int) Math.round(t * 80));
            case 2 -> sun(g);
            default -> gull(g);
        }
        g.dispose();
        return image;
    }

    private static void person(Graphics2D g) {
        g.setColor(new Color(0x2b2b2b));
        g.fillOval(30, 62, 14, 14);
        g.fillRect(28, 76, 18, 26);
        g.setStroke(new BasicStroke(2));
        g.drawLine(46, 80, 90, 60);
        g.drawLine(90, 60, 96, 110);
    }

    private static void boat(Graphics2D g, int x) {
        var hull = new Path2D.Double();
        hull.moveTo(x, 100);
        hull.lineTo(x + 60, 100);
        hull.lineTo(x + 50, 114);
        hull.lineTo(x + 10, 114);
        hull.closePath();
        g.setColor(new Color(0xa33b2b));
        g.fill(hull);
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {x + 30, x + 30, x + 52}, new int[] {58, 98, 98}, 3);
    }

    private static void sun(Graphics2D g) {
        g.setColor(new Color(0xffd36b));
        g.fillOval(100, 66, 48, 48);
    }

    private static void gull(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {96, 118, 128, 138, 160}, new int[] {44, 36, 48, 36, 44}, 5);
    }

    /** White where the sign on the warehouse is, black elsewhere. */
    static BufferedImage mask() {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.WHITE);
        g.fillRect(146, 36, 58, 38);
        g.dispose();
        return image;
    }

    private static void png(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
