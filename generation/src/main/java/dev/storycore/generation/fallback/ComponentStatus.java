package dev.storycore.generation.fallback;

/**
 * The state of one model component or weight file.
 *
 * <p>When several findings apply, the worst wins, in the order OK &lt; INCOMPLETE &lt; MISSING &lt;
 * CORRUPT &lt; UNSAFE (see {@link #worse(ComponentStatus)}): a file that is both truncated and has
 * overlapping tensors is CORRUPT, a component with one pickle file is UNSAFE.
 */
public enum ComponentStatus {
    /** Present, and every header checked out. */
    OK(0),
    /** Not there at all: no folder, no file, or declared {@code [null, null]} where it is needed. */
    MISSING(2),
    /** Partly there: a truncated file, a missing shard, a config without weights, a Git LFS pointer. */
    INCOMPLETE(1),
    /** There but wrong: a garbage or oversized header, inconsistent offsets, invalid JSON. */
    CORRUPT(3),
    /**
     * Loading it could run code or read outside the model folder: a pickle-based PyTorch file, or a
     * symbolic link that leaves the analysed folder.
     */
    UNSAFE(4);

    private final int rank;

    ComponentStatus(int rank) {
        this.rank = rank;
    }

    /**
     * The worse of this status and another.
     *
     * @param other another status
     * @return whichever ranks worse
     */
    public ComponentStatus worse(ComponentStatus other) {
        return other.rank > rank ? other : this;
    }
}
