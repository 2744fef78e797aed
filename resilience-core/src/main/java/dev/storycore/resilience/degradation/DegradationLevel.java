package dev.storycore.resilience.degradation;

import java.util.Objects;

/**
 * How much quality the system currently delivers, from {@link #FULL} down to {@link #MINIMAL}.
 *
 * <p>Each level carries the factors that {@link #adjust(QualitySettings)} applies:
 *
 * <table>
 *   <caption>Quality factors per level</caption>
 *   <tr><th>level</th><th>quality</th><th>resolution</th><th>steps ×</th><th>frames ×</th></tr>
 *   <tr><td>FULL</td><td>1.0</td><td>as given</td><td>1.0</td><td>1.0</td></tr>
 *   <tr><td>HIGH</td><td>0.8</td><td>one rung down</td><td>0.8</td><td>1.0</td></tr>
 *   <tr><td>MEDIUM</td><td>0.6</td><td>two rungs down</td><td>0.6</td><td>0.75</td></tr>
 *   <tr><td>LOW</td><td>0.4</td><td>three rungs down</td><td>0.4</td><td>0.5</td></tr>
 *   <tr><td>MINIMAL</td><td>0.2</td><td>four rungs down</td><td>0.2</td><td>0.25</td></tr>
 * </table>
 *
 * <p>Steps scale with quality because sampling time is linear in steps. Frames are spared at
 * {@link #HIGH} and shrink more gently than steps below it, because frames set a shot's length and
 * cutting them changes the story, not just the polish.
 */
public enum DegradationLevel {
    /** Everything as requested. */
    FULL(1.0, 1.0, 1.0),
    /** A slightly cheaper rendering: lower resolution and fewer steps, every frame kept. */
    HIGH(0.8, 0.8, 1.0),
    /** Noticeably cheaper: shorter shots as well. */
    MEDIUM(0.6, 0.6, 0.75),
    /** Much cheaper: half the frames, under half the steps. */
    LOW(0.4, 0.4, 0.5),
    /** The least that still produces something: a short, coarse preview. */
    MINIMAL(0.2, 0.2, 0.25);

    private static final DegradationLevel[] LEVELS = values();

    private final double quality;
    private final double stepsFactor;
    private final double framesFactor;

    DegradationLevel(double quality, double stepsFactor, double framesFactor) {
        this.quality = quality;
        this.stepsFactor = stepsFactor;
        this.framesFactor = framesFactor;
    }

    /**
     * The share of full quality this level delivers.
     *
     * @return 1.0, 0.8, 0.6, 0.4 or 0.2
     */
    public double quality() {
        return quality;
    }

    /**
     * The factor applied to inference steps.
     *
     * @return a factor in (0, 1]
     */
    public double stepsFactor() {
        return stepsFactor;
    }

    /**
     * The factor applied to the frame count.
     *
     * @return a factor in (0, 1]
     */
    public double framesFactor() {
        return framesFactor;
    }

    /**
     * The next level down; {@link #MINIMAL} stays where it is.
     *
     * @return the lower level
     */
    public DegradationLevel lower() {
        return this == MINIMAL ? MINIMAL : LEVELS[ordinal() + 1];
    }

    /**
     * The next level up; {@link #FULL} stays where it is.
     *
     * @return the higher level
     */
    public DegradationLevel higher() {
        return this == FULL ? FULL : LEVELS[ordinal() - 1];
    }

    /**
     * How many steps this level lies below {@link #FULL}.
     *
     * @return 0 for FULL up to 4 for MINIMAL
     */
    public int stepsBelowFull() {
        return ordinal();
    }

    /**
     * Scales full-quality settings to this level. Resolution moves one rung down the ladder
     * {@link QualitySettings#RESOLUTIONS} per level below FULL and stops at 360p. Steps become
     * {@code round(steps × stepsFactor)}, at least 1. A frame count of the form 4k+1 (the rule of
     * Wan and HunyuanVideo) stays 4k+1: k is scaled and rounded, at least 1, so 121 becomes 61 at
     * LOW; any other count is scaled and rounded, at least 1.
     *
     * @param settings the full-quality settings
     * @return the settings for this level
     */
    public AdjustedSettings adjust(QualitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        int rung = Math.min(settings.resolutionRung() + ordinal(), QualitySettings.RESOLUTIONS.size() - 1);
        int steps = (int) Math.max(1, Math.round(settings.inferenceSteps() * stepsFactor));
        return new AdjustedSettings(this, quality, QualitySettings.RESOLUTIONS.get(rung), steps,
                scaleFrames(settings.frames()));
    }

    private int scaleFrames(int frames) {
        if (frames % 4 == 1 && frames > 1) {
            long k = Math.max(1, Math.round((frames - 1) / 4 * framesFactor));
            return (int) (4 * k + 1);
        }
        return (int) Math.max(1, Math.round(frames * framesFactor));
    }
}
