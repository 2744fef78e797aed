package dev.storycore.generation.model;

import dev.storycore.generation.GenerationException;
import java.util.regex.Pattern;

/**
 * A frame size in pixels, written {@code WIDTHxHEIGHT} (for example {@code 1280x720}).
 *
 * @param width  pixels across, at least 1
 * @param height pixels down, at least 1
 */
public record FrameSize(int width, int height) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,6})\\s*[xX×*]\\s*(\\d{1,6})\\s*");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a side is below 1
     */
    public FrameSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1, were " + width + "x" + height);
        }
    }

    /**
     * Reads {@code 1280x720}; {@code 1280*720} (Wan's syntax) and {@code ×} are accepted too.
     *
     * @param text the size
     * @return the size
     * @throws GenerationException naming the text when it is not a size
     */
    public static FrameSize parse(String text) {
        var matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new GenerationException("bad size '" + text + "': expected WIDTHxHEIGHT such as 1280x720");
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        if (width < 1 || height < 1) {
            throw new GenerationException("bad size '" + text + "': width and height must be at least 1");
        }
        return new FrameSize(width, height);
    }

    /**
     * Pixels in one frame.
     *
     * @return width times height
     */
    public long area() {
        return (long) width * height;
    }

    /**
     * Whether the frame is wider than tall.
     *
     * @return {@code true} for landscape frames
     */
    public boolean landscape() {
        return width > height;
    }

    /** Returns {@code WIDTHxHEIGHT}. */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
