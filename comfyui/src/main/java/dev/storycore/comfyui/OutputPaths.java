package dev.storycore.comfyui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides where a server-named output file may be written: inside the target folder and nowhere
 * else. File and subfolder names come from the server's history and are not trusted. Not exported;
 * stateless.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * The path for {@code file} inside {@code folder}, keeping its subfolder; creates the
     * directories.
     *
     * @throws ComfyUiProtocolException when a name is empty, {@code .} or {@code ..}, contains a
     *                                  separator, a drive colon or NUL, the subfolder is absolute, or
     *                                  the path leads outside the folder
     */
    static Path resolve(Path folder, OutputFile file) throws IOException {
        checkSegment(file.filename(), file);
        if (file.subfolder().startsWith("/") || file.subfolder().startsWith("\\")) {
            throw unsafe(file);
        }
        Path root = folder.toAbsolutePath().normalize();
        Path target = root;
        for (String segment : file.subfolder().split("[/\\\\]")) {
            if (!segment.isEmpty()) {
                checkSegment(segment, file);
                target = target.resolve(segment);
            }
        }
        target = target.resolve(file.filename()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw unsafe(file);
        }
        Files.createDirectories(target.getParent());
        // A subfolder that already exists as a link pointing elsewhere must not be followed.
        if (!target.getParent().toRealPath().startsWith(root.toRealPath())) {
            throw unsafe(file);
        }
        return target;
    }

    private static void checkSegment(String name, OutputFile file) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\0') >= 0) {
            throw unsafe(file);
        }
    }

    private static ComfyUiProtocolException unsafe(OutputFile file) {
        return new ComfyUiProtocolException("refusing unsafe output file name '" + printable(file.subfolder())
                + (file.subfolder().isEmpty() ? "" : "/") + printable(file.filename())
                + "': it would be written outside the output folder");
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }
}
