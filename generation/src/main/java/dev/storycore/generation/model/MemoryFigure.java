package dev.storycore.generation.model;

import java.util.Objects;

/**
 * A GPU-memory figure a model's authors published, kept with its conditions and source so that
 * the estimator's calibration can be checked against it.
 *
 * @param width      frame width the figure is for
 * @param height     frame height
 * @param frames     frames
 * @param gigabytes  the figure in GB (GiB, as GPU tools count)
 * @param kind       whether it is a measured peak, a "fits on" statement, or a saving
 * @param conditions the settings it was measured with, e.g. {@code model offload, T5 on CPU}
 * @param source     where it was published
 */
public record MemoryFigure(
        int width, int height, int frames, double gigabytes, Kind kind, String conditions, String source) {

    /** What a figure states. */
    public enum Kind {
        /** The measured peak memory. */
        PEAK,
        /** The job runs on a GPU with this much memory; the peak is at most this. */
        FITS_WITHIN,
        /** A setting saves about this much memory. */
        SAVING
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a size or the figure is not positive
     */
    public MemoryFigure {
        if (width < 1 || height < 1 || frames < 1) {
            throw new IllegalArgumentException("width, height and frames must be at least 1");
        }
        if (!(gigabytes > 0) || Double.isInfinite(gigabytes)) {
            throw new IllegalArgumentException("gigabytes must be a finite number > 0, was " + gigabytes);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(source, "source");
    }
}
