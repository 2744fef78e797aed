package dev.storycore.resilience.analytics;

import java.util.Objects;

/**
 * How often one error code occurred.
 *
 * @param code  the classification code
 * @param count how many times, at least 1
 */
public record ErrorCount(String code, long count) {

    /** Checks that the code is not null. */
    public ErrorCount {
        Objects.requireNonNull(code, "code");
    }
}
