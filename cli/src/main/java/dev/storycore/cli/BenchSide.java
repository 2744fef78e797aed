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
 * @param wallSeconds      real time the side took
 */
record BenchSide(String name, int shots, int delivered, int gpuTier, int placeholder, int attempts, double gpuSeconds,
                 double wastedGpuSeconds, double wallSeconds) {

    static BenchSide of(String name, RunReport report) {
        RunReport.Summary s = report.summary();
        return new BenchSide(name, s.shots(), s.delivered() + s.placeholder(), s.delivered(), s.placeholder(),
                s.attempts(), s.gpuSeconds(), s.wastedGpuSeconds(), report.wallSeconds());
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
