package dev.storycore.resilience.degradation;

import java.util.Objects;

/**
 * Settings scaled to a degradation level by {@link DegradationLevel#adjust(QualitySettings)}.
 *
 * @param level          the level they were scaled to
 * @param quality        the level's quality, 1.0 to 0.2
 * @param resolution     the resolution label after moving down the ladder
 * @param inferenceSteps the scaled number of sampling steps, at least 1
 * @param frames         the scaled frame count, at least 1; 4k+1 if the original was
 */
public record AdjustedSettings(
        DegradationLevel level, double quality, String resolution, int inferenceSteps, int frames) {

    /** Checks that nothing is null. */
    public AdjustedSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(resolution, "resolution");
    }
}
