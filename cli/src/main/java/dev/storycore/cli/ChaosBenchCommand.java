package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code storycore bench chaos}: runs a generated storyboard under the resilient generators and under a
 * naive retry-and-breaker baseline on the GPU simulator, same seed, no video written, and prints
 * delivered %, GPU-tier %, placeholder %, wasted GPU-seconds and wall time for both. The last line is
 * {@code chaos PROFILE: delivered ours=X% naive=Y% gpu-tier ours=Z% wasted-gpu-s ours=A naive=B}.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Resilient generators vs. a naive retry baseline on the simulator under failures.")
final class ChaosBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--shots", paramLabel = "N", defaultValue = "200",
            description = "Shots in the generated storyboard (default: ${DEFAULT-VALUE}).")
    private int shots;

    @Option(names = "--profile", paramLabel = "none|mild|harsh", defaultValue = "harsh",
            description = "The simulator's failure profile (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the storyboard, the simulators and the jitter (default: ${DEFAULT-VALUE}).")
    private long seed;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private GpuChoice gpuChoice;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        if (shots < 1) {
            throw new UsageException("--shots must be at least 1, was " + shots);
        }
        String chaos = BackendFactory.chaos(profile, "--profile");
        GpuProfile gpu = GpuChoice.resolve(gpuChoice);
        Path work = tempDir();
        try {
            var result = ChaosBench.run(shots, chaos, seed, gpu, work, options -> BackendFactory.create("sim", options));
            var out = spec.commandLine().getOut();
            if (json) {
                var fields = new LinkedHashMap<String, Object>();
                fields.put("profile", result.profile());
                fields.put("seed", result.seed());
                fields.put("gpu", RunCommand.gpuFields(gpu));
                fields.put("ours", result.ours());
                fields.put("naive", result.naive());
                fields.put("summary", ChaosBench.lastLine(result));
                CliJson.print(out, fields);
            } else {
                out.print(ChaosBench.render(result));
            }
            return StoryCore.OK;
        } finally {
            delete(work);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("storycore-chaos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only a temporary folder is left behind.
        }
    }
}
