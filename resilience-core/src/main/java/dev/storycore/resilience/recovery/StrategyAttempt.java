package dev.storycore.resilience.recovery;

import java.time.Duration;
import java.util.Objects;

/**
 * One strategy's turn in a recovery run.
 *
 * @param strategy the strategy's name
 * @param result   what it achieved
 * @param duration how long it took on the procedure's clock; zero for an unbound slot
 */
public record StrategyAttempt(String strategy, ActionResult result, Duration duration) {

    /** Checks that nothing is null. */
    public StrategyAttempt {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(duration, "duration");
    }
}
