package dev.storycore.generation.recovery;

/** Who carries out a recovery action. */
public enum ActionKind {
    /** A pure change to the request, applied by {@link RecoveryAction#apply}; then the job is resubmitted. */
    REQUEST,
    /** Something the executor does against the backend (free memory, reconnect, route elsewhere). */
    BACKEND,
    /** Something only a person can do (download weights, update drivers). */
    HUMAN
}
