package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The precomputed part of {@link InpaintFiller}: which pixels to fill and in what order. Immutable
 * and thread-safe once built; {@link #apply} allocates its own working memory.
 */
final class FillPlan {

    /** Fewest relaxation passes; thin masks need no more to lose the peeling streaks. */
    static final int MIN_PASSES = 24;
    /** Most relaxation passes, bounding the cost of very thick masks. */
    static final int MAX_PASSES = 200;

    private static final int[] DX = {-1, 1, 0, 0, -1, 1, -1, 1};
    private static final int[] DY = {0, 0, -1, 1, -1, -1, 1, 1};
    private static final float[] WEIGHT = {2, 2, 2, 2, 1, 1, 1, 1};

    private final int width;
    private final int height;
    /** Per pixel: 0 if known, else the 1-based onion layer. */
    private final int[] layer;
    /** The masked pixel indices, sorted by layer. */
    private final int[] order;
    private final int passes;

    private FillPlan(int width, int height, int[] layer, int[] order, int layers) {
        this.width = width;
        this.height = height;
        this.layer = layer;
        this.order = order;
        // Streaks span the whole depth of the fill; smoothing them needs passes in proportion.
        this.passes = Math.clamp(2L * layers, MIN_PASSES, MAX_PASSES);
    }

    static FillPlan of(BufferedImage mask, int width, int height) {
        boolean[] masked = maskBits(mask, width, height);
        int[] layer = new int[masked.length];
        int[] order = new int[masked.length];
        int count = 0;
        int[] frontier = new int[masked.length];
        int frontierSize = 0;
        for (int p = 0; p < masked.length; p++) {
            if (masked[p] && touchesKnown(p, masked, width, height)) {
                frontier[frontierSize++] = p;
                layer[p] = 1;
            }
        }
        if (frontierSize == 0 && masked.length > 0 && masked[0]) {
            throw new GenerationException("mask covers the whole frame: nothing to fill from");
        }
        int current = 1;
        while (frontierSize > 0) {
            System.arraycopy(frontier, 0, order, count, frontierSize);
            int start = count;
            count += frontierSize;
            frontierSize = 0;
            for (int k = start; k < count; k++) {
                frontierSize = claimNeighbours(order[k], masked, layer, width, height, current + 1,
                        frontier, frontierSize);
            }
            current++;
        }
        return new FillPlan(width, height, layer, Arrays.copyOf(order, count), current - 1);
    }

    private static boolean[] maskBits(BufferedImage mask, int width, int height) {
        int mw = mask.getWidth();
        int mh = mask.getHeight();
        int[] pixels = Images.argbPixels(mask);
        boolean[] bits = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            int my = (int) ((y + 0.5) * mh / height);
            for (int x = 0; x < width; x++) {
                int mx = (int) ((x + 0.5) * mw / width);
                bits[y * width + x] = AlphaExtractor.luma(pixels[my * mw + mx]) >= 0.5;
            }
        }
        return bits;
    }

    private static boolean touchesKnown(int p, boolean[] masked, int w, int h) {
        int x = p % w;
        int y = p / w;
        for (int d = 0; d < DX.length; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                int q = ny * w + nx;
                if (!masked[q]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int claimNeighbours(int p, boolean[] masked, int[] layer, int w, int h, int next,
            int[] frontier, int size) {
        int x = p % w;
        int y = p / w;
        for (int d = 0; d < DX.length; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                int q = ny * w + nx;
                if (masked[q] && layer[q] == 0) {
                    layer[q] = next;
                    frontier[size++] = q;
                }
            }
        }
        return size;
    }

    BufferedImage apply(BufferedImage frame) {
        if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new GenerationException("frame is " + frame.getWidth() + "x" + frame.getHeight()
                    + " but the mask was prepared for " + width + "x" + height);
        }
        boolean alpha = Images.hasAlpha(frame);
        float[][] planes = Planes.split(Images.argbPixels(frame), alpha);
        float[] sum = new float[planes.length];
        for (int p : order) {
            peel(planes, p, sum);
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int p : order) {
                relax(planes, p, sum);
            }
        }
        return Images.fromArgb(Planes.join(planes, width * height, alpha), width, height, alpha);
    }

    private void peel(float[][] planes, int p, float[] sum) {
        int x = p % width;
        int y = p / width;
        float total = 0;
        Arrays.fill(sum, 0f);
        for (int d = 0; d < DX.length; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && layer[ny * width + nx] < layer[p]) {
                int q = ny * width + nx;
                total += WEIGHT[d];
                for (int c = 0; c < planes.length; c++) {
                    sum[c] += WEIGHT[d] * planes[c][q];
                }
            }
        }
        for (int c = 0; c < planes.length; c++) {
            planes[c][p] = sum[c] / total;
        }
    }

    private void relax(float[][] planes, int p, float[] sum) {
        int x = p % width;
        int y = p / width;
        int count = 0;
        Arrays.fill(sum, 0f);
        for (int d = 0; d < 4; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                count++;
                for (int c = 0; c < planes.length; c++) {
                    sum[c] += planes[c][ny * width + nx];
                }
            }
        }
        for (int c = 0; c < planes.length; c++) {
            planes[c][p] = sum[c] / count;
        }
    }
}
