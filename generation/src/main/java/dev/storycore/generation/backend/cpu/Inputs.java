package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.ImageFiles;
import dev.storycore.generation.media.Mp4Reader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads a job's input files. A file that is missing or unreadable fails the job with a
 * {@link BackendException} whose report names the file, what it was for and why: the storyboard is
 * then wrong, and every tier would fail the same way, so the report says so plainly for the
 * classifier and the person reading it. Relative paths resolve against the working directory; callers
 * resolve storyboard-relative paths before building the request.
 */
final class Inputs {

    private final String backend;

    Inputs(String backend) {
        this.backend = backend;
    }

    BufferedImage image(String path, String what) {
        Path file = existing(path, what);
        try {
            return ImageFiles.read(file);
        } catch (GenerationException e) {
            throw new BackendException(backend, "Invalid image file: " + file + " (" + what + "): " + e.getMessage(),
                    0, e);
        }
    }

    FrameSource video(String path, int maxFrames) {
        Path file = existing(path, "source video");
        try {
            return Mp4Reader.read(file, maxFrames);
        } catch (GenerationException e) {
            throw new BackendException(backend, "Invalid video file: " + file + " (source video): " + e.getMessage(),
                    0, e);
        }
    }

    private Path existing(String path, String what) {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new BackendException(backend, what + " not found: '" + path + "' is not a valid path", 0, e);
        }
        if (!Files.isRegularFile(file)) {
            throw new BackendException(backend, what + " not found: " + file.toAbsolutePath()
                    + " (No such file or directory)", 0);
        }
        return file;
    }
}
