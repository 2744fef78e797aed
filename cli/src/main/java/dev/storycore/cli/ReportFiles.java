package dev.storycore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code report.json} atomically: into a temporary file in the same folder, then moved over the
 * old report, so a reader (or a run killed half-way) never sees half a report.
 */
final class ReportFiles {

    /** The report's file name in the output folder. */
    static final String REPORT = "report.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    static String json(RunReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes sure a run can write its outputs before any work starts: creates the folder and writes and
     * removes a probe file in it. A folder this call created is removed again if it is not writable.
     *
     * @param outputDir the run's output folder
     * @throws UsageException naming the folder and the reason if it cannot be created or written
     */
    static void prepare(Path outputDir) {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new UsageException("--out " + outputDir + " is a file, not a folder");
        }
        boolean existed = Files.isDirectory(outputDir);
        try {
            Files.createDirectories(outputDir);
            Files.delete(Files.createTempFile(outputDir, ".storycore-probe-", ".tmp"));
        } catch (IOException e) {
            if (!existed) {
                try {
                    Files.deleteIfExists(outputDir);
                } catch (IOException ignored) {
                    // The folder stays; the message below says what is wrong with it.
                }
            }
            throw new UsageException("--out " + outputDir + ": cannot create or write the folder ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    static Path write(Path outputDir, RunReport report) {
        Path target = outputDir.resolve(REPORT);
        try {
            Files.createDirectories(outputDir);
            Path temp = Files.createTempFile(outputDir, "." + REPORT + ".", ".part");
            try {
                Files.writeString(temp, json(report) + System.lineSeparator());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
