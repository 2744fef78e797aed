package dev.storycore.resilience;

/** What to do about a failure. Retry honours it: only {@link #RETRY_AS_IS} is retried unchanged. */
public enum Disposition {
    /** The same call may well succeed: a dropped connection, a timeout. */
    RETRY_AS_IS,
    /** The same call will fail again, but a changed one may succeed: fewer frames, lower resolution. */
    ADJUST_AND_RETRY,
    /** No retry will help; a person or a different path is needed. */
    DO_NOT_RETRY
}
