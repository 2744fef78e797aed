package dev.storycore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storycore bench}: benchmarks; {@code bench chaos} compares the generators with a naive baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {ChaosBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required: chaos");
    }
}
