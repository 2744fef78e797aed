package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;

/** Input checks shared by the media classes; every message is one line naming the problem. */
final class MediaChecks {

    /** The largest width or height accepted, far above any video model's native size. */
    static final int MAX_SIDE = 8192;

    private MediaChecks() {
    }

    static int side(int value, String name) {
        if (value < 1) {
            throw new GenerationException(name + " must be positive, was " + value);
        }
        if (value > MAX_SIDE) {
            throw new GenerationException(name + " must be at most " + MAX_SIDE + ", was " + value);
        }
        return value;
    }

    static int positive(int value, String name) {
        if (value < 1) {
            throw new GenerationException(name + " must be positive, was " + value);
        }
        return value;
    }

    static int fps(int value) {
        if (value < 1 || value > 240) {
            throw new GenerationException("fps must be in 1..240, was " + value);
        }
        return value;
    }

    static double unitInterval(double value, String name) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new GenerationException(name + " must be in [0, 1], was " + value);
        }
        return value;
    }

    static BufferedImage image(BufferedImage image, String name) {
        if (image == null) {
            throw new GenerationException(name + " is missing");
        }
        side(image.getWidth(), name + " width");
        side(image.getHeight(), name + " height");
        return image;
    }

    /**
     * Stops a long write between frames when the thread was interrupted (Ctrl-C, a cancelled job).
     * The interrupt flag stays set for the caller to see.
     */
    static void notInterrupted(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new GenerationException("interrupted while writing " + what);
        }
    }

    static BufferedImage frame(BufferedImage frame, int index, int width, int height) {
        if (frame == null) {
            throw new GenerationException("frame " + index + " is missing");
        }
        if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new GenerationException("frame " + index + " is " + frame.getWidth() + "x"
                    + frame.getHeight() + ", expected " + width + "x" + height);
        }
        return frame;
    }
}
