package dev.storycore.resilience;

import java.util.List;
import java.util.Objects;

/**
 * What a fallback chain delivered and from which level.
 *
 * @param value         the result
 * @param level         the name of the level that delivered it
 * @param levelIndex    its position, 0 for the first (primary) level
 * @param earlierFailures the failures of the levels tried before it, in order
 * @param <O>           the result type
 */
public record FallbackResult<O>(
        O value, String level, int levelIndex, List<FallbackChainExhaustedException.LevelFailure> earlierFailures) {

    /** Checks the level and copies the failures. */
    public FallbackResult {
        Objects.requireNonNull(level, "level");
        earlierFailures = List.copyOf(earlierFailures);
    }

    /**
     * Whether a level other than the first delivered.
     *
     * @return {@code true} if the chain fell back at least once
     */
    public boolean fellBack() {
        return levelIndex > 0;
    }
}
