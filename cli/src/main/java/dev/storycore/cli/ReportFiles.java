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
