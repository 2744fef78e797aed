package dev.storycore.generation.backend.sim;

import java.util.Map;

/**
 * What a simulator has done so far.
 *
 * @param jobs             attempts started
 * @param succeeded        attempts that delivered
 * @param failures         failed attempts by what was simulated
 * @param reattached       attempts whose connection dropped and whose client re-attached to the running job
 * @param gpuSeconds       simulated GPU time of every attempt
 * @param wastedGpuSeconds simulated GPU time of the attempts that failed
 */
public record SimulatorStats(long jobs, long succeeded, Map<FaultKind, Long> failures, long reattached,
                             double gpuSeconds, double wastedGpuSeconds) {

    /** Copies the map. */
    public SimulatorStats {
        failures = Map.copyOf(failures);
    }
}
