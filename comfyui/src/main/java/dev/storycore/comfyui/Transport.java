package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP to one ComfyUI server over the JDK's client, turning every transport failure into a typed
 * exception whose message carries the phrase a classifier recognises. Not exported; thread-safe.
 */
final class Transport implements AutoCloseable {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Payload Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final ComfyUiConfig config;
    private final HttpClient http;

    Transport(ComfyUiConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpClient http() {
        return http;
    }

    /** The absolute URI of a path relative to the base, e.g. {@code history/abc}. */
    URI uri(String relative) {
        return config.baseUri().resolve(relative);
    }

    HttpRequest.Builder request(String relative) {
        return HttpRequest.newBuilder(uri(relative)).timeout(config.requestTimeout());
    }

    /** GET returning parsed JSON; any status but 2xx fails. */
    JsonNode getJson(String relative) {
        HttpRequest request = request(relative).GET().header("Accept", "application/json").build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireSuccess(request, response.statusCode(), response.body());
        return Json.parse(response.body(), endpoint(request));
    }

    /** POST of a JSON body; returns the raw answer for the caller to judge. */
    HttpResponse<String> postJson(String relative, JsonNode body) {
        HttpRequest request = request(relative)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET streaming the body; any status but 2xx fails (and the stream is closed). */
    HttpResponse<InputStream> getStream(String relative) {
        HttpRequest request = request(relative).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            requireSuccess(request, response.statusCode(), body);
        }
        return response;
    }

    /** Sends, mapping timeouts, refused/reset/closed connections and interrupts to typed exceptions. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new ComfyUiTimeoutException(endpoint(request) + ": connect timed out after "
                    + human(config.connectTimeout()), e);
        } catch (HttpTimeoutException e) {
            throw new ComfyUiTimeoutException(endpoint(request) + ": request timed out after "
                    + human(request.timeout().orElse(config.requestTimeout())), e);
        } catch (IOException e) {
            throw unavailable(endpoint(request), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyUiException(endpoint(request) + ": interrupted while waiting for the server", e);
        }
    }

    /** Fails for any status but 2xx: 5xx means unavailable, anything else a protocol problem. */
    static void requireSuccess(HttpRequest request, int status, String body) {
        if (status / 100 == 2) {
            return;
        }
        String message = endpoint(request) + ": " + statusLine(status) + (body.isBlank() ? "" : ": " + snippet(body));
        if (status >= 500) {
            throw new ComfyUiUnavailableException(message, status);
        }
        throw new ComfyUiProtocolException(message);
    }

    /** Names a transport failure with the phrase a classifier looks for. */
    static ComfyUiUnavailableException unavailable(String endpoint, Throwable failure) {
        String detail = firstMessage(failure);
        String lower = detail.toLowerCase(Locale.ROOT);
        String phrase;
        if (causedBy(failure, ConnectException.class)) {
            phrase = detail.isEmpty() || lower.contains("refused") ? "Connection refused" : "connection failed: " + detail;
        } else if (lower.contains("reset")) {
            phrase = "Connection reset" + (lower.equals("connection reset") ? "" : " (" + detail + ")");
        } else {
            phrase = "connection closed" + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
        return new ComfyUiUnavailableException(endpoint + ": " + phrase, failure);
    }

    /** {@code HTTP 502 Bad Gateway}. */
    static String statusLine(int status) {
        String reason = REASONS.get(status);
        return "HTTP " + status + (reason == null ? "" : " " + reason);
    }

    static String endpoint(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    /** The first 200 characters of a body on one line. */
    static String snippet(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** {@code 200 ms}, {@code 30 s}, {@code 1.5 s}. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String firstMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Stops the HTTP client at once; requests and sockets still open fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
