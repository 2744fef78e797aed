package dev.storycore.generation.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temp-then-rename file handling, so readers see either the old output or the complete new one.
 * Temporary names start with a dot and live in the target's folder, because a rename is only
 * atomic within one file system.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("target has no parent folder: " + target);
        }
        return parent;
    }

    static Path tempFileFor(Path target) throws IOException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        return Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
    }

    static Path tempDirFor(Path target) throws IOException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    }

    /** Moves a finished file over the target, atomically where the file system allows. */
    static void moveFile(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Puts a finished folder in place of the target. An existing target is first renamed aside and
     * deleted only once the new folder is in place, and renamed back if that fails.
     */
    static void replaceDirectory(Path source, Path target) throws IOException {
        if (!Files.exists(target)) {
            moveFolder(source, target);
            return;
        }
        Path aside = Files.createTempDirectory(parentOf(target), "." + target.getFileName() + ".old.");
        Files.delete(aside);
        moveFolder(target, aside);
        try {
            moveFolder(source, target);
        } catch (IOException | RuntimeException e) {
            moveFolder(aside, target);
            throw e;
        }
        deleteQuietly(aside);
    }

    private static void moveFolder(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        }
    }

    /** Deletes a file or a folder tree; failures are ignored because this only cleans up. */
    static void deleteQuietly(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Left for the user to remove; the dot name keeps it out of the way.
        }
    }
}
