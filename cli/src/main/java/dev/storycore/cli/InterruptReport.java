package dev.storycore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The shutdown hook of {@code storycore run}: when the JVM stops before the run finished (Ctrl-C), it
 * cancels the run, gives running shots a moment to end as interrupted, and writes the report of what
 * finished. Does nothing once the run finished normally, since the command writes the report itself.
 */
final class InterruptReport implements Runnable {

    /** How long running shots get to notice the cancellation before the report is written. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final RunJob job;
    private final Path outputDir;
    private final PrintWriter err;

    InterruptReport(RunJob job, Path outputDir, PrintWriter err) {
        this.job = job;
        this.outputDir = outputDir;
        this.err = err;
    }

    @Override
    public void run() {
        if (job.finished()) {
            return;
        }
        job.cancel();
        try {
            job.awaitFinished(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path report = ReportFiles.write(outputDir, job.report());
        err.println("storycore: interrupted; wrote the report of what finished to " + report);
        err.flush();
    }
}
