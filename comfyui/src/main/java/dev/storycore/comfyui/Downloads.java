package dev.storycore.comfyui;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code GET /view} into a local folder, safely. Not exported; stateless. */
final class Downloads {

    private Downloads() {
    }

    /** Checks the names, fetches the file, writes it to a temporary file and moves it into place. */
    static Path download(Transport transport, OutputFile file, Path folder) {
        Path target;
        try {
            target = OutputPaths.resolve(folder, file);
        } catch (IOException e) {
            throw new ComfyUiException("cannot create the output folder for " + file.filename() + " in " + folder, e);
        }
        String query = "view?filename=" + ComfyUiClient.encode(file.filename()) + "&subfolder="
                + ComfyUiClient.encode(file.subfolder()) + "&type=" + file.type().wireName();
        HttpResponse<InputStream> response = transport.getStream(query);
        return store(response, target, Transport.endpoint(response.request()));
    }

    private static Path store(HttpResponse<InputStream> response, Path target, String endpoint) {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        } catch (IOException e) {
            closeQuietly(response);
            throw new ComfyUiException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try (InputStream in = response.body()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw Transport.unavailable(endpoint, e);
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ComfyUiException("cannot move the download into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Nothing was read; the connection is dropped either way.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A stray .part file is harmless and says what happened.
        }
    }
}
