package dev.storycore.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@code report.json} holds (docs/storyboard.md): where the run ran, every shot in
 * storyboard order, and a summary with totals.
 *
 * @param storyboard  the storyboard file
 * @param name        the storyboard's name
 * @param backend     the GPU backend's name
 * @param gpu         the GPU the run planned for
 * @param chaos       the simulator's failure profile, or {@code none} for a real backend
 * @param seed        the seed of the simulator and the backoff jitter
 * @param status      {@code COMPLETE}, or {@code INTERRUPTED} when the run was stopped
 * @param startedAt   when the run started (ISO-8601)
 * @param wallSeconds real time the run took so far
 * @param shots       every shot, in storyboard order
 * @param summary     the totals
 */
record RunReport(
        String storyboard,
        String name,
        String backend,
        Map<String, Object> gpu,
        String chaos,
        long seed,
        String status,
        String startedAt,
        double wallSeconds,
        List<ShotReport> shots,
        Summary summary) {

    RunReport {
        Objects.requireNonNull(status, "status");
        shots = List.copyOf(shots);
    }

    /**
     * The totals.
     *
     * @param shots            shots in the storyboard
     * @param delivered        shots a GPU tier delivered
     * @param placeholder      shots the CPU placeholder tier delivered
     * @param failed           shots with nothing delivered
     * @param interrupted      shots stopped while running
     * @param notRun           shots never started
     * @param deliveredPercent delivered and placeholder shots over all shots, in percent
     * @param gpuTierPercent   shots a GPU tier delivered over all shots, in percent
     * @param meanQuality      the mean quality score over all shots (0 for those with nothing delivered)
     * @param fallbacks        shots delivered by a tier below primary, placeholders included
     * @param attempts         backend submissions
     * @param recoveries       recovery actions carried out
     * @param gpuSeconds       simulated (or reported) GPU time spent
     * @param wastedGpuSeconds GPU time spent on attempts that failed
     * @param errorsByCategory failed attempts per error category
     * @param errorsByCode     failed attempts per error code
     */
    record Summary(
            int shots,
            int delivered,
            int placeholder,
            int failed,
            int interrupted,
            int notRun,
            double deliveredPercent,
            double gpuTierPercent,
            double meanQuality,
            int fallbacks,
            int attempts,
            int recoveries,
            double gpuSeconds,
            double wastedGpuSeconds,
            Map<String, Integer> errorsByCategory,
            Map<String, Integer> errorsByCode) {

        static Summary of(List<ShotReport> shots) {
            int delivered = count(shots, "DELIVERED");
            int placeholder = count(shots, "PLACEHOLDER");
            var categories = new TreeMap<String, Integer>();
            var codes = new TreeMap<String, Integer>();
            for (ShotReport shot : shots) {
                for (Map<String, Object> error : shot.errors()) {
                    categories.merge(String.valueOf(error.get("category")), 1, Integer::sum);
                    codes.merge(String.valueOf(error.get("code")), 1, Integer::sum);
                }
            }
            int fallbacks = (int) shots.stream().filter(s -> (s.status().equals("DELIVERED")
                    && !s.tier().equals("primary")) || s.status().equals("PLACEHOLDER")).count();
            return new Summary(shots.size(), delivered, placeholder, count(shots, "FAILED"),
                    count(shots, ShotReport.INTERRUPTED), count(shots, ShotReport.NOT_RUN),
                    percent(delivered + placeholder, shots.size()), percent(delivered, shots.size()),
                    ShotReport.round(shots.stream().mapToDouble(ShotReport::qualityScore).average().orElse(0) * 10)
                            / 10.0,
                    fallbacks, shots.stream().mapToInt(ShotReport::attempts).sum(),
                    shots.stream().mapToInt(s -> s.recoveries().size()).sum(),
                    ShotReport.round(shots.stream().mapToDouble(ShotReport::gpuSeconds).sum()),
                    ShotReport.round(shots.stream().mapToDouble(ShotReport::wastedGpuSeconds).sum()),
                    categories, codes);
        }

        private static int count(List<ShotReport> shots, String status) {
            return (int) shots.stream().filter(s -> s.status().equals(status)).count();
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 10.0;
        }
    }
}
