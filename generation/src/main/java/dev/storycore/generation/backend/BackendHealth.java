package dev.storycore.generation.backend;

import java.util.Objects;

/**
 * Whether a backend can take work.
 *
 * @param healthy {@code true} when it answered and is ready
 * @param detail  a few words: "ok", "connection refused", "queue 3"
 */
public record BackendHealth(boolean healthy, String detail) {

    /** Checks that the detail is not null. */
    public BackendHealth {
        Objects.requireNonNull(detail, "detail");
    }

    /** A healthy backend. */
    public static BackendHealth ok(String detail) {
        return new BackendHealth(true, detail);
    }

    /** An unhealthy backend. */
    public static BackendHealth down(String detail) {
        return new BackendHealth(false, detail);
    }
}
