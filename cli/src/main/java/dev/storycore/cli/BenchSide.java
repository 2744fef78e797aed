package dev.storycore.cli;

/**
 * One side of the chaos benchmark.
 *
 * @param name             {@code ours} or {@code naive}
 * @param shots            shots in the storyboard
 * @param delivered        shots that got something, a placeholder included
 * @param gpuTier          shots a GPU delivered
 * @param placeholder      shots the CPU placeholder tier delivered
 * @param attempts         backend submissions
 * @param gpuSeconds       simulated GPU time spent
 * @param wastedGpuSeconds simulated GPU time spent on attempts that failed
 * @param wastedByChance   the part of it lost to chance faults of the backend (dropped connections, crashed
 *                         workers, stalls: categories BACKEND_UNAVAILABLE and TIMEOUT), which strike an attempt
 *                         whatever its request; the rest was lost to faults the request caused
 * @param wallSeconds      real time the side took
 */
record BenchSide(String name, int shots, int delivered, int gpuTier, int placeholder, int attempts, double gpuSeconds,
                 double wastedGpuSeconds, double wastedByChance, double wallSeconds) {

    static BenchSide of(String name, RunReport report) {
        RunReport.Summary s = report.summary();
        double chance = report.shots().stream().flatMap(shot -> shot.errors().stream())
                .filter(e -> chance(String.valueOf(e.get("category"))))
                .mapToDouble(e -> ((Number) e.get("gpuSeconds")).doubleValue()).sum();
        return new BenchSide(name, s.shots(), s.delivered() + s.placeholder(), s.delivered(), s.placeholder(),
                s.attempts(), s.gpuSeconds(), s.wastedGpuSeconds(), ShotReport.round(chance), report.wallSeconds());
    }

    /** Whether failures of this generation error category are chance faults of the backend. */
    static boolean chance(String category) {
        return category.equals("BACKEND_UNAVAILABLE") || category.equals("TIMEOUT");
    }

    double wastedShare() {
        return gpuSeconds == 0 ? 0.0 : Math.round(1000.0 * wastedGpuSeconds / gpuSeconds) / 10.0;
    }

    double deliveredPercent() {
        return percent(delivered);
    }

    double gpuTierPercent() {
        return percent(gpuTier);
    }

    double placeholderPercent() {
        return percent(placeholder);
    }

    private double percent(int count) {
        return shots == 0 ? 0.0 : Math.round(1000.0 * count / shots) / 10.0;
    }
}
