package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.resilience.CircuitState;
import dev.storycore.resilience.degradation.DegradationLevel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generator's health at one moment, as in the seed design's health status: the backends, the
 * breakers, the quality level, the success rates and the recent critical errors.
 *
 * @param name               the generator's name
 * @param status             the overall verdict
 * @param gpuBackend         the primary backend's own health
 * @param placeholderBackend the CPU tier's health
 * @param degradationLevel   the quality level requests are scaled to
 * @param breakers           every breaker made so far and its state, by name
 * @param successRate        shots that got something over finished shots
 * @param gpuTierRate        shots a GPU tier delivered over finished shots
 * @param errorsPerMinute    the analytics' error rate over its window
 * @param recentCritical     codes of the newest critical errors, newest first
 * @param quarantinedModels  models no longer submitted to a backend that proved them broken
 */
public record GeneratorHealth(
        String name,
        Status status,
        BackendHealth gpuBackend,
        BackendHealth placeholderBackend,
        DegradationLevel degradationLevel,
        Map<String, CircuitState> breakers,
        double successRate,
        double gpuTierRate,
        double errorsPerMinute,
        List<String> recentCritical,
        int quarantinedModels) {

    /** The overall verdict. */
    public enum Status {
        /** Everything works at full quality. */
        HEALTHY,
        /** Work gets done, but a breaker is not closed, quality is scaled down or a model is quarantined. */
        DEGRADED,
        /** The GPU backend is down or every breaker is open: only placeholders can come out. */
        UNHEALTHY
    }

    /** Checks that nothing is null and copies the collections. */
    public GeneratorHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gpuBackend, "gpuBackend");
        Objects.requireNonNull(placeholderBackend, "placeholderBackend");
        Objects.requireNonNull(degradationLevel, "degradationLevel");
        breakers = Map.copyOf(breakers);
        recentCritical = List.copyOf(recentCritical);
    }

    /**
     * The verdict for the given facts.
     *
     * @param gpuBackend  the primary backend's health
     * @param breakers    the breaker states
     * @param level       the quality level
     * @param quarantined quarantined models
     * @return UNHEALTHY when the GPU backend is down or every breaker is open, DEGRADED when a breaker
     *         is not closed, the level is below FULL or a model is quarantined, else HEALTHY
     */
    public static Status verdict(BackendHealth gpuBackend, Map<String, CircuitState> breakers, DegradationLevel level,
            int quarantined) {
        boolean allOpen = !breakers.isEmpty() && breakers.values().stream().allMatch(s -> s == CircuitState.OPEN || s == CircuitState.ISOLATED);
        if (!gpuBackend.healthy() || allOpen) {
            return Status.UNHEALTHY;
        }
        boolean notClosed = breakers.values().stream().anyMatch(s -> s != CircuitState.CLOSED);
        return notClosed || level != DegradationLevel.FULL || quarantined > 0 ? Status.DEGRADED : Status.HEALTHY;
    }
}
