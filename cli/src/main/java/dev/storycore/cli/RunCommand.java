package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.workflow.ShotEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code storycore run STORYBOARD.json}: the main job. Checks every shot first (exit 2 with one line
 * naming the shot and the reason, nothing written), then runs the shots through the HunyuanVideo and
 * Wan generators on the simulator or a ComfyUI server, shows progress, prints a per-shot table and
 * writes {@code report.json} with the outputs. Exit 0 when every shot was delivered or replaced by a
 * placeholder, 1 when any failed or the run was interrupted, 2 for bad input.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Generate every shot of a storyboard, resiliently (format: docs/storyboard.md).")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORYBOARD.json", description = "The storyboard.")
    private Path storyboard;

    @Option(names = "--backend", paramLabel = "sim|URL[,URL...]", defaultValue = "sim",
            description = "The GPU simulator (default) or ComfyUI server URLs.")
    private String backend;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private GpuChoice gpuChoice;

    @Option(names = "--chaos", paramLabel = "none|mild|harsh", defaultValue = "mild",
            description = "The simulator's failure profile (default: ${DEFAULT-VALUE}).")
    private String chaos;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the simulator and the backoff jitter (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
            description = "Shots generated at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: storycore-out/<storyboard file name without .json>).")
    private Path out;

    @Mixin
    private ModelsFileOption modelsFile;

    @Option(names = "--json", description = "Print report.json to stdout instead of the table.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Storyboard board = StoryboardReader.read(storyboard, modelsFile.registry());
        GpuProfile gpu = GpuChoice.resolve(gpuChoice);
        if (concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1, was " + concurrency);
        }
        Path outputDir = out != null ? out : Path.of("storycore-out", stem(storyboard));
        var options = new BackendFactory.Options(gpu, chaos, seed, board.models(), true);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (var backends = BackendFactory.create(backend, options)) {
            ReportFiles.prepare(outputDir);
            if (gpuChoice == null) {
                gpu = backends.detectedGpu().orElse(gpu);
            }
            var generators = RunGenerators.create(backends.gpu(), backends.placeholder(), board.models(), gpu,
                    backends.clock(), backends.sleeper(), seed);
            PrintWriter progressOut = json ? stderr : stdout;
            Consumer<ShotEvent> progress = System.console() != null ? new LiveProgress(progressOut)
                    : new PlainProgress(progressOut);
            board.shots().forEach(shot -> ShotReport.adjusted(shot)
                    .forEach(change -> progressOut.println("[" + shot.id() + "] " + change)));
            var job = new RunJob(board, outputDir, generators::route, generators.all(), concurrency, progress,
                    new RunJob.Setting(backends.gpu().name(), gpuFields(gpu), options.chaos(), seed));
            Thread hook = new Thread(new InterruptReport(job, outputDir, stderr), "storycore-interrupt-report");
            Runtime.getRuntime().addShutdownHook(hook);
            RunReport report = job.run();
            if (progress instanceof LiveProgress live) {
                live.close();
            }
            Path written = ReportFiles.write(outputDir, report);
            removeHook(hook);
            if (json) {
                stdout.println(ReportFiles.json(report));
            } else {
                stdout.print(RunTable.render(report, written));
            }
            return report.summary().delivered() + report.summary().placeholder() == report.summary().shots()
                    ? StoryCore.OK : StoryCore.FAILED;
        }
    }

    static Map<String, Object> gpuFields(GpuProfile gpu) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", gpu.id());
        fields.put("name", gpu.name());
        fields.put("vramGb", CliJson.gb(gpu.vramGb()));
        return fields;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook finds the run finished and does nothing.
        }
    }

    static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
