package dev.storycore.resilience;

/** How bad a failure is, from a passing glitch to one that needs a person now. */
public enum Severity {
    /** Expected now and then; retrying usually helps. */
    LOW,
    /** Costs time or quality, but the work can go on. */
    MEDIUM,
    /** The work cannot go on as requested. */
    HIGH,
    /** Something is broken that no retry will fix: corrupt files, missing hardware support. */
    CRITICAL
}
