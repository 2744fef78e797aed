package dev.storycore.generation.workflow;

import java.util.Locale;

/**
 * The levels a shot falls through, best first. Each GPU tier asks for less than the one before; the
 * placeholder tier renders a clearly labelled stand-in on the CPU.
 */
public enum Tier {
    /** The shot as requested, after pre-flight has made it fit the GPU. */
    PRIMARY(1.0),
    /** One resolution step down (720p → 480p), a quarter fewer steps and frames, FP8 weights. */
    REDUCED(0.95),
    /** The lightest model for the workflow at a small size, a short clip and half the steps. */
    MINIMAL(0.9),
    /** A labelled placeholder made on the CPU; nothing was generated. */
    PLACEHOLDER(0.1);

    private final double factor;

    Tier(double factor) {
        this.factor = factor;
    }

    /**
     * The tier's factor in the quality score (see {@link QualityScore}): 1.0, 0.95, 0.9, and 0.1 for
     * the placeholder, whose score is this factor alone.
     *
     * @return the factor
     */
    public double factor() {
        return factor;
    }

    /**
     * Whether the tier renders on a GPU backend.
     *
     * @return {@code false} only for {@link #PLACEHOLDER}
     */
    public boolean gpu() {
        return this != PLACEHOLDER;
    }

    /**
     * The lowercase name used in reports, job ids and breaker names, e.g. {@code reduced}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
