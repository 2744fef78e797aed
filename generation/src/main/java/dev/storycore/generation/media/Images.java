package dev.storycore.generation.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Small image helpers: copies into the two int-packed types everything here works on. */
final class Images {

    private Images() {
    }

    static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    /** A copy as {@code TYPE_INT_ARGB} if the image has alpha, else {@code TYPE_INT_RGB}. */
    static BufferedImage copy(BufferedImage image) {
        return convert(image, hasAlpha(image) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** A copy as {@code TYPE_INT_ARGB}; opaque images get alpha 255 everywhere. */
    static BufferedImage toArgb(BufferedImage image) {
        return convert(image, BufferedImage.TYPE_INT_ARGB);
    }

    /** The image itself if it already is {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB}, else a copy. */
    static BufferedImage packed(BufferedImage image) {
        int type = image.getType();
        return type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB ? image : copy(image);
    }

    static BufferedImage convert(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION,
                    RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Non-premultiplied ARGB pixels, row by row (opaque images report alpha 255). */
    static int[] argbPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        // Reading the int buffer directly is ~10x faster than getRGB; only safe when it is exactly w*h.
        if (image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            if (data.length == w * h && image.getRaster().getParent() == null) {
                int[] copy = data.clone();
                if (image.getType() == BufferedImage.TYPE_INT_RGB) {
                    for (int i = 0; i < copy.length; i++) {
                        copy[i] |= 0xff000000;
                    }
                }
                return copy;
            }
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    /** A new image of the given type holding these ARGB pixels. */
    static BufferedImage fromArgb(int[] pixels, int width, int height, boolean alpha) {
        BufferedImage out = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return out;
    }
}
