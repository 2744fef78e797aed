package dev.storycore.generation.backend.sim;

import java.nio.file.Path;

/** Output file names from shot and job ids, confined to the job's folder. */
final class OutputNames {

    private static final int MAX_PART = 60;

    private OutputNames() {
    }

    /** {@code SHOT_JOB}, each part reduced to letters, digits, '.', '_' and '-', never starting with a dot. */
    static String base(String shotId, String jobId) {
        return part(shotId, "shot") + "_" + part(jobId, "job");
    }

    /**
     * A file in {@code dir}.
     *
     * @throws IllegalArgumentException if the name would leave the folder (it cannot after {@link #base})
     */
    static Path inside(Path dir, String name) {
        Path root = dir.toAbsolutePath().normalize();
        Path file = root.resolve(name).normalize();
        if (!file.getParent().equals(root)) {
            throw new IllegalArgumentException("output name " + name + " leaves " + dir);
        }
        return file;
    }

    private static String part(String text, String fallback) {
        String clean = text.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (clean.length() > MAX_PART) {
            clean = clean.substring(0, MAX_PART);
        }
        return clean.isEmpty() ? fallback : clean;
    }
}
