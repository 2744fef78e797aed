package dev.storycore.generation.request;

/** Rounding to multiples, shared by the validator and the planners. */
public final class Snap {

    private Snap() {
    }

    /**
     * The multiple of {@code multiple} nearest to {@code value}, down on a tie, never below {@code multiple}.
     *
     * @param value    a positive value
     * @param multiple the step, at least 1
     * @return the snapped value
     */
    public static int toMultiple(int value, int multiple) {
        int below = value / multiple * multiple;
        int above = below + multiple;
        int nearest = value - below <= above - value ? below : above;
        return Math.max(multiple, nearest);
    }

    /**
     * The largest multiple of {@code multiple} not above {@code value}, never below {@code multiple}.
     *
     * @param value    a positive value
     * @param multiple the step, at least 1
     * @return the snapped value
     */
    public static int downToMultiple(int value, int multiple) {
        return Math.max(multiple, value / multiple * multiple);
    }
}
