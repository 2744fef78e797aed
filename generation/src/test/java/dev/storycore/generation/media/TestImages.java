package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders and measurements for test images. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage solid(int width, int height, int argb, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /** Grey ramp from black at the left to white at the right, the same on every row. */
    static BufferedImage horizontalRamp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int v = Math.round(255f * x / (width - 1));
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && Arrays.equals(pixels(a), pixels(b));
    }

    static long countDifferent(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        long n = 0;
        for (int i = 0; i < pa.length; i++) {
            n += pa[i] != pb[i] ? 1 : 0;
        }
        return n;
    }

    static long countDistinctColours(BufferedImage image) {
        return Arrays.stream(pixels(image)).distinct().count();
    }

    static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    static int blue(int argb) {
        return argb & 0xff;
    }

    static int alpha(int argb) {
        return argb >>> 24;
    }

    /** The types of the top-level boxes of an ISO media file, in order. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
        List<String> types = new ArrayList<>();
        while (data.remaining() >= 8) {
            long size = Integer.toUnsignedLong(data.getInt(data.position()));
            byte[] type = new byte[4];
            data.get(data.position() + 4, type);
            types.add(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (size == 1) {
                size = data.getLong(data.position() + 8);
            }
            if (size < 8 || size > data.remaining()) {
                break;
            }
            data.position(data.position() + (int) size);
        }
        return types;
    }
}
