package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The transparent-video step: turns opaque frames into ARGB frames by keying out a luminance range
 * or a screen colour ({@link AlphaKey}). Colour values are kept; only alpha changes. Write the result
 * with {@link PngFrameWriter}, since MP4 cannot carry alpha. An input's existing alpha is multiplied
 * by the key's, so already transparent pixels stay transparent.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlphaExtractor {

    /** How much a luma difference counts against a chroma difference in a chroma key. */
    static final double LUMA_WEIGHT = 0.25;

    private AlphaExtractor() {
    }

    /**
     * Keys one frame.
     *
     * @param frame the frame
     * @param key   what becomes transparent
     * @return a new {@code TYPE_INT_ARGB} image of the same size
     */
    public static BufferedImage extract(BufferedImage frame, AlphaKey key) {
        MediaChecks.image(frame, "frame");
        Objects.requireNonNull(key, "key");
        int[] pixels = Images.argbPixels(frame);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            double opacity = switch (key) {
                case AlphaKey.Luminance lum -> ramp(luma(p), lum.threshold(), lum.softness());
                case AlphaKey.Chroma chroma -> ramp(distance(p, chroma.key().getRGB()),
                        chroma.tolerance(), chroma.softness());
            };
            int alpha = (int) Math.round((p >>> 24) * opacity);
            pixels[i] = alpha << 24 | (p & 0x00ffffff);
        }
        return Images.fromArgb(pixels, frame.getWidth(), frame.getHeight(), true);
    }

    /**
     * Keys every frame of a clip as it is rendered.
     *
     * @param frames the clip
     * @param key    what becomes transparent
     * @return the keyed clip, frames in {@code TYPE_INT_ARGB}
     */
    public static FrameSource extract(FrameSource frames, AlphaKey key) {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(key, "key");
        return frames.map(frames.width(), frames.height(), frame -> extract(frame, key));
    }

    /** 0 at or below {@code edge}, 1 at or above {@code edge + softness}, linear between. */
    static double ramp(double value, double edge, double softness) {
        if (value <= edge) {
            return 0.0;
        }
        if (softness <= 0.0 || value >= edge + softness) {
            return 1.0;
        }
        return (value - edge) / softness;
    }

    static double luma(int rgb) {
        return (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
    }

    /** Weighted YCbCr distance between two colours; opposite saturated hues are about 1 apart. */
    static double distance(int rgb, int key) {
        double dy = luma(rgb) - luma(key);
        double dcb = cb(rgb) - cb(key);
        double dcr = cr(rgb) - cr(key);
        return Math.sqrt(dcb * dcb + dcr * dcr + LUMA_WEIGHT * LUMA_WEIGHT * dy * dy);
    }

    private static double cb(int rgb) {
        return (-0.168736 * ((rgb >> 16) & 0xff) - 0.331264 * ((rgb >> 8) & 0xff) + 0.5 * (rgb & 0xff)) / 255.0;
    }

    private static double cr(int rgb) {
        return (0.5 * ((rgb >> 16) & 0xff) - 0.418688 * ((rgb >> 8) & 0xff) - 0.081312 * (rgb & 0xff)) / 255.0;
    }
}
