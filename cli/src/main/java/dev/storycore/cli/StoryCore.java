package dev.storycore.cli;

import dev.storycore.generation.GenerationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code storycore} command. Exit codes: 0 ok, 1 the work failed, 2 bad usage or bad input (with a
 * one-line reason on stderr and no stack trace).
 */
@Command(
        name = "storycore",
        mixinStandardHelpOptions = true,
        versionProvider = StoryCore.Version.class,
        description = "Resilient generative video: error intelligence for HunyuanVideo and Wan.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ClassifyCommand.class,
            EstimateCommand.class,
            ModelsCommand.class,
            GpusCommand.class,
            AnalyzeModelCommand.class,
            SuggestCommand.class,
            DoctorCommand.class,
            RunCommand.class,
            BenchCommand.class,
        })
public final class StoryCore implements Runnable {

    /** Exit code when the work succeeded. */
    public static final int OK = 0;
    /** Exit code when the work ran and failed. */
    public static final int FAILED = 1;
    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams and returns the exit code; tests call this.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new StoryCore());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("storycore: " + exception.getMessage());
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageException || exception instanceof GenerationException) {
                err.println("storycore: " + oneLine(exception.getMessage()));
                return BAD_INPUT;
            }
            err.println("storycore: failed: " + oneLine(String.valueOf(exception)));
            return FAILED;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StoryCore.class.getPackage().getImplementationVersion();
            return new String[] {"storycore " + (version == null ? "development build" : version)};
        }
    }
}
