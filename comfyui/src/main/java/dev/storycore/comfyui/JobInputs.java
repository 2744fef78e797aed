package dev.storycore.comfyui;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Puts a job's input image, mask and source video on the server ({@code POST /upload/image}, which
 * takes videos too) and names its outputs. A request value that is a local file is uploaded; a bare
 * file name that is not a local file is taken to be in ComfyUI's input folder already. Not exported;
 * stateless.
 */
final class JobInputs {

    private JobInputs() {
    }

    static ServerInputs upload(ComfyUiClient client, GenerationJob job) {
        GenerationRequest request = job.request();
        return new ServerInputs(serverName(client, request.inputImage(), "input image"),
                serverName(client, request.mask(), "mask"),
                serverName(client, request.sourceVideo(), "source video"),
                filenamePrefix(job.jobId()));
    }

    /** {@code storycore_<job id>} with anything but letters, digits, '.', '_' and '-' replaced. */
    static String filenamePrefix(String jobId) {
        String safe = jobId.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return "storycore_" + (safe.length() > 80 ? safe.substring(0, 80) : safe);
    }

    private static String serverName(ComfyUiClient client, String value, String what) {
        if (value.isBlank()) {
            return "";
        }
        Path local;
        try {
            local = Path.of(value);
        } catch (InvalidPathException e) {
            local = null;
        }
        if (local != null && Files.isRegularFile(local)) {
            return client.uploadImage(local, ImageUpload.DEFAULT).reference();
        }
        if (value.contains("/") || value.contains("\\")) {
            throw new ComfyUiException(what + " not found: No such file or directory: '" + value + "'");
        }
        return value;
    }
}
