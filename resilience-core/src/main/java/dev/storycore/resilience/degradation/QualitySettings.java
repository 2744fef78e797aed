package dev.storycore.resilience.degradation;

import dev.storycore.resilience.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * The full-quality settings of a piece of work, which a {@link DegradationLevel} scales down.
 *
 * @param resolution     a label on the ladder {@link #RESOLUTIONS}, such as {@code "720p"}
 * @param inferenceSteps sampling steps at full quality, at least 1
 * @param frames         frames at full quality, at least 1
 */
public record QualitySettings(String resolution, int inferenceSteps, int frames) {

    /** The resolution ladder, best first; degradation moves one rung down per level. */
    public static final List<String> RESOLUTIONS = List.of("1080p", "720p", "540p", "480p", "360p");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the resolution is not on the ladder or a count is below 1
     */
    public QualitySettings {
        Objects.requireNonNull(resolution, "resolution");
        if (!RESOLUTIONS.contains(resolution)) {
            throw new IllegalArgumentException("resolution must be one of " + RESOLUTIONS + ", was " + resolution);
        }
        Checks.atLeastOne(inferenceSteps, "inferenceSteps");
        Checks.atLeastOne(frames, "frames");
    }

    int resolutionRung() {
        return RESOLUTIONS.indexOf(resolution);
    }
}
