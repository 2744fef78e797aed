package dev.storycore.generation.backend;

import java.util.Objects;

/**
 * Where a running job is.
 *
 * @param jobId    the job
 * @param phase    a short phase name: {@code queued}, {@code loading}, {@code encoding}, {@code sampling},
 *                 {@code decoding}, {@code writing}
 * @param fraction how far the whole job is, from 0 to 1
 * @param message  a few words for a progress line, e.g. "step 12/30"
 */
public record JobProgress(String jobId, String phase, double fraction, String message) {

    /** Checks that nothing is null and the fraction is in range. */
    public JobProgress {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
        }
    }
}
