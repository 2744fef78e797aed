package dev.storycore.generation.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The image-to-video placeholder: a slow "Ken Burns" pan and zoom over the input image.
 *
 * <p>The image is scaled to cover the frame (cropping what does not fit the aspect ratio), then a
 * window moves from a start to an end position while zooming between 1.0× and
 * {@value #MAX_ZOOM}×, eased in and out. The seed picks zoom in or out and the direction of the pan.
 * Positions are fractional, so slow pans do not jitter by whole pixels. An image much larger than
 * the frames is first reduced with {@link LanczosUpscaler} so it does not alias. The output keeps
 * the input's alpha, if any.
 *
 * <p>A pure function of the image, format and seed: immutable, thread-safe. The renderer keeps its
 * own copy of the image.
 */
public final class PanZoomRenderer implements FrameSource {

    static final double MAX_ZOOM = 1.2;

    private final BufferedImage image;
    private final FrameFormat format;
    private final long seed;
    private final double startZoom;
    private final double endZoom;
    private final double[] start;
    private final double[] end;

    private PanZoomRenderer(BufferedImage image, FrameFormat format, long seed) {
        this.image = shrunk(image, format);
        this.format = format;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        boolean zoomIn = random.nextBoolean();
        this.startZoom = zoomIn ? 1.0 : MAX_ZOOM;
        this.endZoom = zoomIn ? MAX_ZOOM : 1.0;
        double angle = random.nextDouble() * 2 * Math.PI;
        // Window centres in [0, 1] of the free room on each axis; opposite sides of the middle.
        this.start = new double[] {0.5 - 0.5 * Math.cos(angle), 0.5 - 0.5 * Math.sin(angle)};
        this.end = new double[] {0.5 + 0.5 * Math.cos(angle), 0.5 + 0.5 * Math.sin(angle)};
    }

    /**
     * A pan and zoom over an image.
     *
     * @param image  the still to animate, any size
     * @param format the output size and length
     * @param seed   picks zoom direction and pan direction
     * @return the clip
     * @throws dev.storycore.generation.GenerationException if the image is empty or too large
     */
    public static PanZoomRenderer of(BufferedImage image, FrameFormat format, long seed) {
        MediaChecks.image(image, "image");
        return new PanZoomRenderer(image, Objects.requireNonNull(format, "format"), seed);
    }

    @Override
    public int width() {
        return format.width();
    }

    @Override
    public int height() {
        return format.height();
    }

    @Override
    public int frameCount() {
        return format.frameCount();
    }

    /**
     * The same pan and zoom drawn directly at another size.
     *
     * @param width  the new width
     * @param height the new height
     * @return a renderer for the resized clip
     * @throws dev.storycore.generation.GenerationException if a side is out of range
     */
    @Override
    public PanZoomRenderer resized(int width, int height) {
        return new PanZoomRenderer(image, FrameFormat.of(width, height, frameCount()), seed);
    }

    @Override
    public BufferedImage frame(int index) {
        Objects.checkIndex(index, frameCount());
        double t = frameCount() == 1 ? 0.0 : (double) index / (frameCount() - 1);
        double eased = t * t * (3 - 2 * t);
        double zoom = startZoom + (endZoom - startZoom) * eased;
        int w = width();
        int h = height();
        double scale = Math.max((double) w / image.getWidth(), (double) h / image.getHeight()) * zoom;
        double windowW = w / scale;
        double windowH = h / scale;
        double x = (image.getWidth() - windowW) * lerp(start[0], end[0], eased);
        double y = (image.getHeight() - windowH) * lerp(start[1], end[1], eased);
        BufferedImage out = new BufferedImage(w, h, Images.hasAlpha(image)
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform at = AffineTransform.getScaleInstance(scale, scale);
            at.translate(-x, -y);
            g.drawImage(image, at, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A copy of the image, first shrunk with Lanczos if it is much larger than the frames need:
     * bilinear drawing alone would alias when reducing by more than half.
     */
    private static BufferedImage shrunk(BufferedImage image, FrameFormat format) {
        double cover = Math.max((double) format.width() / image.getWidth(),
                (double) format.height() / image.getHeight());
        double needed = cover * MAX_ZOOM;
        if (needed >= 0.5) {
            return Images.copy(image);
        }
        return LanczosUpscaler.resize(image, Math.max(1, (int) Math.ceil(image.getWidth() * needed)),
                Math.max(1, (int) Math.ceil(image.getHeight() * needed)));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
