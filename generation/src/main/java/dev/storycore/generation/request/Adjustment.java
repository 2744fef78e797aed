package dev.storycore.generation.request;

import java.util.Objects;

/**
 * One change the validator made to a request, with why.
 *
 * @param field  the request field, e.g. {@code frames}
 * @param from   the old value as text
 * @param to     the new value as text
 * @param reason why, e.g. {@code HunyuanVideo needs 4k+1 frames}
 */
public record Adjustment(String field, String from, String to, String reason) {

    /** Checks that nothing is null. */
    public Adjustment {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns e.g. {@code frames 80 -> 81: ...}. */
    @Override
    public String toString() {
        return field + " " + from + " -> " + to + ": " + reason;
    }
}
