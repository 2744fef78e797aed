package dev.storycore.resilience.recovery;

import dev.storycore.resilience.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link RecoveryProcedure#recover} run.
 *
 * @param classification what the failure was
 * @param startedAt      when the run started
 * @param recovered      whether a strategy recovered
 * @param attempts       every strategy consulted, in order; the last one recovered if {@code recovered}
 * @param duration       how long the whole run took on the procedure's clock
 */
public record RecoveryResult(
        Classification classification, Instant startedAt, boolean recovered, List<StrategyAttempt> attempts,
        Duration duration) {

    /** Checks that nothing is null and copies the attempts. */
    public RecoveryResult {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(startedAt, "startedAt");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * The strategy that recovered.
     *
     * @return its name, or empty if nothing recovered
     */
    public Optional<String> strategyUsed() {
        return recovered && !attempts.isEmpty() ? Optional.of(attempts.getLast().strategy()) : Optional.empty();
    }
}
