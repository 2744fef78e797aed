package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.workflow.ShotEvent;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The chaos benchmark: one generated storyboard run twice on fresh simulators with the same seed and
 * failure profile — once through the resilient generators, once through {@link NaiveBaseline} — and
 * the outcome of both, ending with the one line the issue fixes:
 * {@code chaos PROFILE: delivered ours=X% naive=Y% gpu-tier ours=Z% wasted-gpu-s ours=A naive=B}.
 */
final class ChaosBench {

    /**
     * Both sides' results.
     *
     * @param profile the failure profile
     * @param seed    the seed of the storyboard, the simulators and the jitter
     * @param gpu     the simulated GPU
     * @param ours    the resilient generators
     * @param naive   the naive baseline
     */
    record Result(String profile, long seed, GpuProfile gpu, BenchSide ours, BenchSide naive) {
    }

    private ChaosBench() {
    }

    static Result run(int shots, String profile, long seed, GpuProfile gpu, Path workDir,
            Function<BackendFactory.Options, BackendFactory.Backends> factory) {
        Storyboard board = ChaosStoryboard.generate(shots, seed, workDir.resolve("inputs"));
        var options = new BackendFactory.Options(gpu, profile, seed, board.models(), false);
        BenchSide ours;
        try (var backends = factory.apply(options)) {
            var generators = RunGenerators.create(backends.gpu(), backends.placeholder(), board.models(), gpu,
                    backends.clock(), backends.sleeper(), seed);
            var job = new RunJob(board, workDir.resolve("ours"), generators::route, generators.all(), 1,
                    (ShotEvent event) -> { }, new RunJob.Setting(backends.gpu().name(), RunCommand.gpuFields(gpu),
                            options.chaos(), seed));
            ours = BenchSide.of("ours", job.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        }
        BenchSide naive;
        try (var backends = factory.apply(options)) {
            naive = NaiveBaseline.run(board, backends, workDir.resolve("naive"), seed);
        }
        return new Result(options.chaos(), seed, gpu, ours, naive);
    }

    static String render(Result result) {
        BenchSide ours = result.ours();
        BenchSide naive = result.naive();
        var table = new TextTable("", "OURS", "NAIVE")
                .row("delivered", pct(ours.deliveredPercent()), pct(naive.deliveredPercent()))
                .row("from a GPU tier", pct(ours.gpuTierPercent()), pct(naive.gpuTierPercent()))
                .row("placeholder", pct(ours.placeholderPercent()), pct(naive.placeholderPercent()))
                .row("attempts", ours.attempts(), naive.attempts())
                .row("GPU-s spent", num(ours.gpuSeconds()), num(naive.gpuSeconds()))
                .row("GPU-s wasted", num(ours.wastedGpuSeconds()), num(naive.wastedGpuSeconds()))
                .row("  on chance faults", num(ours.wastedByChance()), num(naive.wastedByChance()))
                .row("  on the request", num(ours.wastedGpuSeconds() - ours.wastedByChance()),
                        num(naive.wastedGpuSeconds() - naive.wastedByChance()))
                .row("wasted share", pct(ours.wastedShare()), pct(naive.wastedShare()))
                .row("wall time", num(ours.wallSeconds()) + " s", num(naive.wallSeconds()) + " s");
        return String.format(Locale.ROOT, "chaos benchmark: %d shots, profile %s, seed %d, %s (%s GB)%n%n",
                ours.shots(), result.profile(), result.seed(), result.gpu().name(),
                GpuProfile.formatGb(result.gpu().vramGb()))
                + table.render("  ") + System.lineSeparator() + lastLine(result) + System.lineSeparator();
    }

    static String lastLine(Result result) {
        return String.format(Locale.ROOT, "chaos %s: delivered ours=%.1f%% naive=%.1f%% gpu-tier ours=%.1f%% "
                        + "wasted-gpu-s ours=%.1f naive=%.1f", result.profile(), result.ours().deliveredPercent(),
                result.naive().deliveredPercent(), result.ours().gpuTierPercent(), result.ours().wastedGpuSeconds(),
                result.naive().wastedGpuSeconds());
    }

    private static String pct(double percent) {
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
