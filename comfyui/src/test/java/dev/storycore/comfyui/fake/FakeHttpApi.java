package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** ComfyUI's HTTP routes, answered from the fake's state with ComfyUI's status codes and bodies. */
final class FakeHttpApi {

    private final FakeComfyUi server;

    FakeHttpApi(FakeComfyUi server) {
        this.server = server;
    }

    void register(HttpServer http) {
        route(http, "/prompt", this::prompt);
        route(http, "/queue", this::queueRoute);
        route(http, "/history", this::history);
        route(http, "/interrupt", this::interrupt);
        route(http, "/free", exchange -> {
            server.recordFree(server.json().readTree(body(exchange)));
            empty(exchange, 200);
        });
        route(http, "/view", this::view);
        route(http, "/upload/image", this::upload);
        route(http, "/system_stats", exchange -> text(exchange, 200, server.systemStatsJson(), "application/json"));
        route(http, "/object_info", exchange -> json(exchange, 200, server.objectInfo()));
    }

    /** Every route first honours the scripted slowness and forced failures. */
    private void route(HttpServer http, String path, HttpHandler handler) {
        http.createContext(path, exchange -> {
            try {
                // The front door routes by a connection's first request only; the client must not reuse it.
                exchange.getResponseHeaders().set("Connection", "close");
                server.awaitSlowGate();
                Optional<Integer> forced = server.takeForcedFailure();
                if (forced.isPresent()) {
                    text(exchange, forced.get(), "HTTP " + forced.get() + " (scripted failure)", "text/plain");
                } else {
                    handler.handle(exchange);
                }
            } catch (RuntimeException e) {
                text(exchange, 500, "500 Internal Server Error\n\n" + e, "text/plain");
            } finally {
                exchange.close();
            }
        });
    }

    private void prompt(HttpExchange exchange) throws IOException {
        JsonNode body = server.json().readTree(body(exchange));
        server.recordPrompt(body);
        if (!body.has("prompt")) {
            json(exchange, 400, rejection("no_prompt", "No prompt provided"));
            return;
        }
        String promptId = body.path("prompt_id").asText(UUID.randomUUID().toString());
        if (!isCanonicalUuid(promptId)) {
            json(exchange, 400, rejection("invalid_prompt_id", "prompt_id must be a valid UUID"));
            return;
        }
        Optional<ObjectNode> invalid = server.validator().validate(body.path("prompt"));
        if (invalid.isPresent()) {
            json(exchange, 400, invalid.get());
            return;
        }
        FakeJob job = server.enqueue(promptId, body.path("client_id").asText(""), body.path("prompt"));
        ObjectNode answer = server.json().createObjectNode().put("prompt_id", promptId).put("number", (long) job.number);
        answer.putObject("node_errors");
        try {
            json(exchange, 200, answer);
            exchange.close();
        } finally {
            job.answered.complete(null);
        }
    }

    /** GET lists the queue; POST deletes waiting prompts ({@code delete}) or all of them ({@code clear}). */
    private void queueRoute(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            json(exchange, 200, queue());
            return;
        }
        JsonNode body = server.json().readTree(body(exchange));
        body.path("delete").forEach(id -> server.queueState().removePending(id.asText()));
        if (body.path("clear").asBoolean(false)) {
            server.queueState().pending().forEach(job -> server.queueState().removePending(job.promptId));
        }
        server.recordQueueEdit(body);
        empty(exchange, 200);
    }

    private void history(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.length() > "/history/".length() ? path.substring("/history/".length()) : "";
        ObjectNode answer = server.json().createObjectNode();
        server.historyEntry(id).ifPresent(entry -> answer.set(id, entry));
        json(exchange, 200, answer);
    }

    private void interrupt(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        JsonNode json = body.isBlank() ? server.json().createObjectNode() : server.json().readTree(body);
        server.interrupt(json.path("prompt_id").asText(""));
        empty(exchange, 200);
    }

    private void view(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String filename = query.getOrDefault("filename", "");
        if (filename.isEmpty() || filename.contains("/") || filename.contains("..")) {
            empty(exchange, 400);
            return;
        }
        Optional<byte[]> content = server.outputContent(query.getOrDefault("type", "output"),
                query.getOrDefault("subfolder", ""), filename);
        if (content.isEmpty()) {
            empty(exchange, 404);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "image/webp");
        exchange.sendResponseHeaders(200, content.get().length);
        exchange.getResponseBody().write(content.get());
    }

    private void upload(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, MultipartForm.Part> form = MultipartForm.parse(contentType, exchange.getRequestBody().readAllBytes());
        MultipartForm.Part image = form.get("image");
        if (image == null || image.filename().isEmpty()) {
            empty(exchange, 400);
            return;
        }
        String type = form.containsKey("type") ? form.get("type").text() : "input";
        String subfolder = form.containsKey("subfolder") ? form.get("subfolder").text() : "";
        String overwrite = form.containsKey("overwrite") ? form.get("overwrite").text() : "";
        server.recordUpload(new FakeComfyUi.Upload(image.filename(), image.content(), type, subfolder, overwrite));
        ObjectNode answer = server.json().createObjectNode()
                .put("name", image.filename()).put("subfolder", subfolder).put("type", type);
        json(exchange, 200, answer);
    }

    private ObjectNode queue() {
        ObjectNode answer = server.json().createObjectNode();
        ArrayNode running = answer.putArray("queue_running");
        server.queueState().running().ifPresent(job -> running.add(tuple(job)));
        ArrayNode pending = answer.putArray("queue_pending");
        server.queueState().pending().forEach(job -> pending.add(tuple(job)));
        return answer;
    }

    private ArrayNode tuple(FakeJob job) {
        ArrayNode tuple = server.json().createArrayNode().add((long) job.number).add(job.promptId);
        tuple.add(job.prompt);
        tuple.addObject().put("client_id", job.clientId);
        tuple.addArray();
        return tuple;
    }

    private ObjectNode rejection(String type, String message) {
        ObjectNode answer = server.json().createObjectNode();
        answer.putObject("error").put("type", type).put("message", message).put("details", "").putObject("extra_info");
        answer.putObject("node_errors");
        return answer;
    }

    private static boolean isCanonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        text(exchange, status, body.toString(), "application/json");
    }

    private static void text(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }
}
