package dev.storycore.generation.media;

/**
 * Packed ARGB pixels split into float channel planes and back. With alpha, colour is stored
 * premultiplied so filters weigh it by coverage; {@link #join} divides it out again.
 */
final class Planes {

    private Planes() {
    }

    /** Planes in order R, G, B (and A when {@code alpha}), values 0..255. */
    static float[][] split(int[] argb, boolean alpha) {
        int n = argb.length;
        float[][] planes = new float[alpha ? 4 : 3][n];
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            float a = alpha ? (p >>> 24) / 255f : 1f;
            planes[0][i] = ((p >> 16) & 0xff) * a;
            planes[1][i] = ((p >> 8) & 0xff) * a;
            planes[2][i] = (p & 0xff) * a;
            if (alpha) {
                planes[3][i] = p >>> 24;
            }
        }
        return planes;
    }

    static int[] join(float[][] planes, int n, boolean alpha) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            float coverage = alpha ? planes[3][i] : 255f;
            int a = clamp(coverage);
            float unpremultiply = a == 0 ? 0f : 255f / coverage;
            int r = clamp(planes[0][i] * unpremultiply);
            int g = clamp(planes[1][i] * unpremultiply);
            int b = clamp(planes[2][i] * unpremultiply);
            out[i] = a << 24 | r << 16 | g << 8 | b;
        }
        return out;
    }

    static int clamp(float v) {
        return Math.clamp(Math.round(v), 0, 255);
    }
}
