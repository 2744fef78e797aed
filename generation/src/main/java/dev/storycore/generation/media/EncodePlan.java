package dev.storycore.generation.media;

import java.awt.image.BufferedImage;

/**
 * How rendered frames become encodable ones: optional preview downscaling, then padding to even
 * sides because H.264 in 4:2:0 stores colour for 2×2 blocks. Padding repeats the last column or
 * row, so no content is lost and no black seam appears. Alpha is dropped: MP4 has none.
 *
 * @param sourceWidth  rendered width
 * @param sourceHeight rendered height
 * @param scaledWidth  width after preview scaling, before padding
 * @param scaledHeight height after preview scaling, before padding
 * @param scale        scaled ÷ rendered size
 */
record EncodePlan(int sourceWidth, int sourceHeight, int scaledWidth, int scaledHeight, double scale) {

    static EncodePlan of(FrameSource frames, VideoOptions options) {
        int w = frames.width();
        int h = frames.height();
        double scale = options.scaleFor(w, h);
        if (scale >= 1.0) {
            return new EncodePlan(w, h, w, h, 1.0);
        }
        return new EncodePlan(w, h, Math.max(1, (int) Math.round(w * scale)),
                Math.max(1, (int) Math.round(h * scale)), scale);
    }

    int width() {
        return scaledWidth + (scaledWidth & 1);
    }

    int height() {
        return scaledHeight + (scaledHeight & 1);
    }

    boolean preview() {
        return scale < 1.0;
    }

    /** The clip at the scaled size: itself at full size, else {@link FrameSource#resized}. */
    FrameSource scaled(FrameSource frames) {
        return preview() ? frames.resized(scaledWidth, scaledHeight) : frames;
    }

    /**
     * Renders frame {@code index} of the {@linkplain #scaled scaled} clip and returns its opaque
     * RGB pixels at the encoded size.
     *
     * @throws dev.storycore.generation.GenerationException if the thread was interrupted
     */
    int[] rgbPixels(FrameSource scaled, int index) {
        MediaChecks.notInterrupted("video frame " + index);
        BufferedImage frame = MediaChecks.frame(scaled.frame(index), index, scaledWidth, scaledHeight);
        if (Images.hasAlpha(frame)) {
            frame = Images.convert(frame, BufferedImage.TYPE_INT_RGB);
        }
        return padToEven(Images.argbPixels(frame));
    }

    private int[] padToEven(int[] src) {
        int w = width();
        int h = height();
        if (w == scaledWidth && h == scaledHeight) {
            return src;
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(y, scaledHeight - 1);
            System.arraycopy(src, sy * scaledWidth, out, y * w, scaledWidth);
            if (w > scaledWidth) {
                out[y * w + w - 1] = out[y * w + scaledWidth - 1];
            }
        }
        return out;
    }
}
