package dev.storycore.resilience.system;

import dev.storycore.resilience.CircuitState;
import dev.storycore.resilience.FallbackChain;
import dev.storycore.resilience.RetryStatistics;
import dev.storycore.resilience.degradation.DegradationLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an {@link ErrorHandlingSystem}'s health.
 *
 * @param status             the overall verdict
 * @param at                 when the snapshot was taken
 * @param degradationLevel   the current degradation level
 * @param errorRatePerMinute errors per minute over the analytics window
 * @param recoveryRate       recovered errors over all errors, 0 when none
 * @param breakerStates      every registered breaker's state, by name
 * @param retry              the shared retry's counters
 * @param fallbackChains     every registered chain's per-level counters, by name
 */
public record SystemHealth(
        Status status,
        Instant at,
        DegradationLevel degradationLevel,
        double errorRatePerMinute,
        double recoveryRate,
        Map<String, CircuitState> breakerStates,
        RetryStatistics retry,
        Map<String, List<FallbackChain.LevelStatistics>> fallbackChains) {

    /** The overall verdict. */
    public enum Status {
        /** Full quality and every breaker closed or half-open. */
        HEALTHY,
        /** Running below full quality, or some breaker refuses calls. */
        DEGRADED,
        /** At the lowest degradation level with every breaker refusing calls. */
        UNHEALTHY
    }

    /** Checks that nothing is null and copies the maps. */
    public SystemHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(degradationLevel, "degradationLevel");
        breakerStates = Map.copyOf(breakerStates);
        Objects.requireNonNull(retry, "retry");
        fallbackChains = Map.copyOf(fallbackChains);
    }
}
