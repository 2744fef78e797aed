package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Lanczos-3 resampling: the CPU tier's upscaler, also used to shrink previews.
 *
 * <p>Implementation notes: the kernel is {@code sinc(x)·sinc(x/3)} for {@code |x| < 3}, applied
 * separably (a horizontal pass, then a vertical one) with weights computed once per output column
 * and row and normalised to sum to 1, so flat areas stay exactly flat. When shrinking, the kernel
 * is stretched by the reduction factor so it also low-pass filters (no aliasing). Edges repeat the
 * border pixel. Colour is filtered premultiplied by alpha so transparent pixels do not bleed their
 * hidden colour into visible ones; the result is clamped to 0..255, which also clips the small
 * overshoot Lanczos produces next to hard edges.
 *
 * <p>Stateless and thread-safe.
 */
public final class LanczosUpscaler {

    private static final int LOBES = 3;

    private LanczosUpscaler() {
    }

    /**
     * Resamples an image to a new size.
     *
     * @param image  the source
     * @param width  the output width, 1 to 8192
     * @param height the output height, 1 to 8192
     * @return a new {@code TYPE_INT_ARGB} image if the source has alpha, else {@code TYPE_INT_RGB}
     * @throws GenerationException if a size is out of range
     */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        MediaChecks.image(image, "image");
        MediaChecks.side(width, "width");
        MediaChecks.side(height, "height");
        boolean alpha = Images.hasAlpha(image);
        int sw = image.getWidth();
        int sh = image.getHeight();
        float[][] planes = Planes.split(Images.argbPixels(image), alpha);
        float[][] wide = horizontal(planes, sw, sh, width);
        float[][] out = vertical(wide, width, sh, height);
        return Images.fromArgb(Planes.join(out, width * height, alpha), width, height, alpha);
    }

    /**
     * Scales an image by a factor on both axes.
     *
     * @param image  the source
     * @param factor the scale, e.g. 2.0 for twice the width and height
     * @return the resampled image
     * @throws GenerationException if the result would be empty or too large
     */
    public static BufferedImage upscale(BufferedImage image, double factor) {
        MediaChecks.image(image, "image");
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new GenerationException("factor must be positive, was " + factor);
        }
        return resize(image, (int) Math.round(image.getWidth() * factor),
                (int) Math.round(image.getHeight() * factor));
    }

    /**
     * Resamples every frame of a clip as it is rendered.
     *
     * @param frames the clip
     * @param width  the output width
     * @param height the output height
     * @return the resampled clip
     * @throws GenerationException if a size is out of range
     */
    public static FrameSource resize(FrameSource frames, int width, int height) {
        Objects.requireNonNull(frames, "frames");
        return frames.map(width, height, frame -> resize(frame, width, height));
    }

    private static float[][] horizontal(float[][] planes, int sw, int sh, int dw) {
        Taps taps = Taps.of(sw, dw);
        float[][] out = new float[planes.length][dw * sh];
        for (int c = 0; c < planes.length; c++) {
            float[] src = planes[c];
            float[] dst = out[c];
            for (int y = 0; y < sh; y++) {
                int row = y * sw;
                for (int x = 0; x < dw; x++) {
                    dst[y * dw + x] = taps.apply(x, src, row, 1);
                }
            }
        }
        return out;
    }

    private static float[][] vertical(float[][] planes, int w, int sh, int dh) {
        Taps taps = Taps.of(sh, dh);
        float[][] out = new float[planes.length][w * dh];
        for (int c = 0; c < planes.length; c++) {
            float[] src = planes[c];
            float[] dst = out[c];
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = taps.apply(y, src, x, w);
                }
            }
        }
        return out;
    }

    static double kernel(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-9) {
            return 1.0;
        }
        if (ax >= LOBES) {
            return 0.0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }

    /** Per-output-sample source indices and normalised weights along one axis. */
    private record Taps(int[][] index, float[][] weight) {

        static Taps of(int sourceLength, int targetLength) {
            double ratio = (double) targetLength / sourceLength;
            double stretch = Math.max(1.0, 1.0 / ratio);
            double support = LOBES * stretch;
            int[][] index = new int[targetLength][];
            float[][] weight = new float[targetLength][];
            for (int i = 0; i < targetLength; i++) {
                double center = (i + 0.5) / ratio - 0.5;
                int first = (int) Math.floor(center - support) + 1;
                int last = (int) Math.floor(center + support);
                int n = last - first + 1;
                index[i] = new int[n];
                weight[i] = new float[n];
                double sum = 0;
                double[] raw = new double[n];
                for (int k = 0; k < n; k++) {
                    raw[k] = kernel((first + k - center) / stretch);
                    sum += raw[k];
                    index[i][k] = Math.clamp(first + k, 0, sourceLength - 1);
                }
                for (int k = 0; k < n; k++) {
                    weight[i][k] = (float) (raw[k] / sum);
                }
            }
            return new Taps(index, weight);
        }

        float apply(int i, float[] src, int offset, int stride) {
            int[] idx = index[i];
            float[] wt = weight[i];
            float acc = 0f;
            for (int k = 0; k < idx.length; k++) {
                acc += wt[k] * src[offset + idx[k] * stride];
            }
            return acc;
        }
    }
}
