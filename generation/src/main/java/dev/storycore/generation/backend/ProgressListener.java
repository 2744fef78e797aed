package dev.storycore.generation.backend;

/** Receives progress of a running job. Called from the backend's threads; must not block. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = progress -> { };

    /**
     * A job moved on.
     *
     * @param progress where it is
     */
    void onProgress(JobProgress progress);
}
