package dev.storycore.generation.workflow;

import java.util.Map;
import java.util.Objects;

/**
 * A generator's counters since it was built, as in the seed design's statistics: shots and how they
 * ended, backend attempts, retries, fallbacks and recoveries, and GPU time. Every finished shot is
 * counted in exactly one of {@code delivered}, {@code placeholders}, {@code failed} and
 * {@code interrupted}. Read while shots run, the figures may be a few events apart.
 *
 * @param shots              shots finished
 * @param delivered          shots a GPU tier delivered
 * @param placeholders       shots the CPU placeholder tier delivered
 * @param failed             shots with nothing delivered
 * @param interrupted        shots cancelled while running
 * @param deliveredByTier    shots delivered per tier, every tier present, in tier order
 * @param fallbackUses       shots delivered by a tier below primary, the placeholder included
 * @param attempts           backend submissions
 * @param attemptSuccesses   submissions that produced a result
 * @param retries            submissions repeated unchanged after an error retried as is
 * @param recoveryAttempts   recovery actions carried out (changed request or freed memory)
 * @param recoverySuccesses  tiers that delivered after at least one recovery action
 * @param gpuSeconds         GPU time spent, failed attempts included
 * @param wastedGpuSeconds   GPU time spent on attempts that failed
 * @param quarantinedModels  models found broken on a backend and no longer submitted there
 */
public record GeneratorStatistics(
        long shots,
        long delivered,
        long placeholders,
        long failed,
        long interrupted,
        Map<Tier, Long> deliveredByTier,
        long fallbackUses,
        long attempts,
        long attemptSuccesses,
        long retries,
        long recoveryAttempts,
        long recoverySuccesses,
        double gpuSeconds,
        double wastedGpuSeconds,
        int quarantinedModels) {

    /** Checks and copies the per-tier counts. */
    public GeneratorStatistics {
        deliveredByTier = Map.copyOf(Objects.requireNonNull(deliveredByTier, "deliveredByTier"));
    }

    /**
     * Shots that got something, a placeholder included, over finished shots.
     *
     * @return the rate in [0, 1]; 0 before the first shot
     */
    public double successRate() {
        return rate(delivered + placeholders, shots);
    }

    /**
     * Shots a GPU tier delivered over finished shots.
     *
     * @return the rate in [0, 1]; 0 before the first shot
     */
    public double gpuTierRate() {
        return rate(delivered, shots);
    }

    /**
     * Submissions that produced a result over all submissions.
     *
     * @return the rate in [0, 1]; 0 before the first attempt
     */
    public double attemptSuccessRate() {
        return rate(attemptSuccesses, attempts);
    }

    /**
     * Tiers that delivered after a recovery over recovery actions carried out.
     *
     * @return the rate in [0, 1]; 0 before the first recovery
     */
    public double recoverySuccessRate() {
        return rate(recoverySuccesses, recoveryAttempts);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
