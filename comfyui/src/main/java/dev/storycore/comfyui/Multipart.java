package dev.storycore.comfyui;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body whose file parts stream from disk. Not exported; not
 * thread-safe (build it on one thread, then send it).
 */
final class Multipart {

    private final String boundary = "----storycore-" + UUID.randomUUID().toString().replace("-", "");
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    /** Adds a text field. */
    Multipart field(String name, String value) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n"
                + value + "\r\n"));
        return this;
    }

    /** Adds a file field whose content streams from {@code file}. */
    Multipart file(String name, String filename, Path file) throws FileNotFoundException {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                + "\"; filename=\"" + quote(filename) + "\"\r\nContent-Type: " + contentType(filename) + "\r\n\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(text("\r\n"));
        return this;
    }

    /** The finished body. */
    HttpRequest.BodyPublisher body() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** The {@code Content-Type} header value. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private static HttpRequest.BodyPublisher text(String value) {
        return HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }

    private static String contentType(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
