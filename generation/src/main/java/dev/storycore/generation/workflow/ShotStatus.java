package dev.storycore.generation.workflow;

/** How a shot ended. */
public enum ShotStatus {
    /** A GPU tier delivered the shot, possibly reduced; see the quality score and warnings. */
    DELIVERED,
    /** Every GPU tier failed; the CPU made a labelled placeholder. */
    PLACEHOLDER,
    /** Nothing was delivered, not even a placeholder. */
    FAILED,
    /** The run was cancelled while the shot was running. */
    INTERRUPTED
}
