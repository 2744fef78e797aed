package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.media.AlphaKey;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Picks how a transparent placeholder gets its alpha, from the border of its first frame: a border
 * that is mostly saturated green or blue is a screen, keyed out by its own average colour; otherwise
 * dark pixels become transparent (effects shot on black). Title cards, whose backgrounds are dark
 * gradients, key out their background the same way with a higher threshold.
 */
final class KeyChoice {

    /** Luma below which a title card's background is transparent. */
    static final double TITLE_CARD_THRESHOLD = 0.36;
    /** Luma below which footage on black is transparent. */
    static final double BLACK_THRESHOLD = 0.08;

    private KeyChoice() {
    }

    /** The key and a few words on it for the result's notes. */
    record Choice(AlphaKey key, String description) {
    }

    static Choice titleCard() {
        return new Choice(AlphaKey.luminance(TITLE_CARD_THRESHOLD, 0.1),
                "alpha from a luminance threshold: the card's dark background is transparent");
    }

    static Choice forFrame(BufferedImage frame) {
        Color border = borderMean(frame);
        int r = border.getRed();
        int g = border.getGreen();
        int b = border.getBlue();
        if (g > 80 && g > 1.3 * r && g > 1.3 * b) {
            return new Choice(AlphaKey.chroma(border, 0.15, 0.1), "alpha from a chroma key on the green screen");
        }
        if (b > 80 && b > 1.3 * r && b > 1.3 * g) {
            return new Choice(AlphaKey.chroma(border, 0.15, 0.1), "alpha from a chroma key on the blue screen");
        }
        return new Choice(AlphaKey.luminance(BLACK_THRESHOLD, 0.1),
                "alpha from a luminance threshold: near-black pixels are transparent");
    }

    private static Color borderMean(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        long[] sum = new long[3];
        long count = 0;
        for (int x = 0; x < w; x++) {
            count += add(sum, frame.getRGB(x, 0)) + add(sum, frame.getRGB(x, h - 1));
        }
        for (int y = 1; y < h - 1; y++) {
            count += add(sum, frame.getRGB(0, y)) + add(sum, frame.getRGB(w - 1, y));
        }
        return new Color((int) (sum[0] / count), (int) (sum[1] / count), (int) (sum[2] / count));
    }

    private static int add(long[] sum, int rgb) {
        sum[0] += (rgb >> 16) & 0xff;
        sum[1] += (rgb >> 8) & 0xff;
        sum[2] += rgb & 0xff;
        return 1;
    }
}
