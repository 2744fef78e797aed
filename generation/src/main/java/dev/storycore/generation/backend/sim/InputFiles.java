package dev.storycore.generation.backend.sim;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Whether an input a request names is there, as a client checks before uploading it. */
final class InputFiles {

    private InputFiles() {
    }

    static boolean exists(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
