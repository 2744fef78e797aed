package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;

/**
 * What a check found: the worst status and the problems as sentences.
 *
 * @param status   {@link ComponentStatus#OK} when nothing was found
 * @param problems one sentence each, empty when OK
 */
public record Verification(ComponentStatus status, List<String> problems) {

    /** Checks that nothing is null and copies the problems. */
    public Verification {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /**
     * Whether nothing was found.
     *
     * @return true when the status is OK
     */
    public boolean passed() {
        return status == ComponentStatus.OK;
    }
}
