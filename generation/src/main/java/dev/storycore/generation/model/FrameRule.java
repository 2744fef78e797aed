package dev.storycore.generation.model;

import dev.storycore.generation.GenerationException;
import java.util.regex.Pattern;

/**
 * Which frame counts a model accepts: {@code multiple * k + offset}. HunyuanVideo and Wan use
 * {@code 4k+1} because their VAEs compress four frames into one latent frame and keep the first
 * frame on its own.
 *
 * @param multiple the step between valid counts, at least 1
 * @param offset   the smallest valid count, at least 1
 */
public record FrameRule(int multiple, int offset) {

    /** The rule of every built-in model: 1, 5, 9, …, 81, …, 121, 129. */
    public static final FrameRule FOUR_K_PLUS_ONE = new FrameRule(4, 1);

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d+)\\s*k\\s*\\+\\s*(\\d+)\\s*");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if multiple or offset is below 1
     */
    public FrameRule {
        if (multiple < 1) {
            throw new IllegalArgumentException("multiple must be at least 1, was " + multiple);
        }
        if (offset < 1) {
            throw new IllegalArgumentException("offset must be at least 1, was " + offset);
        }
    }

    /**
     * Reads a rule written as {@code 4k+1}.
     *
     * @param text the rule
     * @return the rule
     * @throws GenerationException if the text is not of that form
     */
    public static FrameRule parse(String text) {
        var matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new GenerationException("bad frame rule '" + text + "': expected the form 4k+1");
        }
        try {
            return new FrameRule(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new GenerationException("bad frame rule '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether a frame count follows the rule.
     *
     * @param frames the count
     * @return {@code true} if valid
     */
    public boolean accepts(int frames) {
        return frames >= offset && (frames - offset) % multiple == 0;
    }

    /**
     * The valid count nearest to {@code frames}; halfway cases go down, and nothing goes below
     * {@link #offset()}.
     *
     * @param frames any count
     * @return the nearest valid count
     */
    public int nearest(int frames) {
        int below = floor(frames);
        int above = below + multiple;
        return frames - below <= above - frames ? below : above;
    }

    /**
     * The largest valid count not above {@code frames}, or {@link #offset()} if there is none.
     *
     * @param frames any count
     * @return a valid count
     */
    public int floor(int frames) {
        if (frames <= offset) {
            return offset;
        }
        return offset + (frames - offset) / multiple * multiple;
    }

    /**
     * The smallest valid count not below {@code frames}.
     *
     * @param frames any count
     * @return a valid count
     */
    public int ceil(int frames) {
        int below = floor(frames);
        return below >= frames ? below : below + multiple;
    }

    /** Returns the rule as {@code 4k+1}. */
    @Override
    public String toString() {
        return multiple + "k+" + offset;
    }
}
