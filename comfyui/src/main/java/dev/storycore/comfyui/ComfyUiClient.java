package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client of one ComfyUI server: queue API-format workflows, watch them run, fetch history and
 * outputs, upload inputs, interrupt, free memory, and read what the server has (versions, GPUs, node
 * classes, model files).
 *
 * <p>Every failure is typed: {@link ComfyUiUnavailableException} (refused, reset, closed, 5xx),
 * {@link ComfyUiTimeoutException}, {@link ComfyUiPromptRejectedException} (a 400 from
 * {@code /prompt}), {@link ComfyUiProtocolException} (an answer that cannot be used), and plain
 * {@link ComfyUiException} when the calling thread is interrupted (its flag restored).
 *
 * <p>Thread-safe: one client may serve many threads; each watch uses its own socket. Close it to
 * release the HTTP client.
 */
public final class ComfyUiClient implements AutoCloseable {

    private final ComfyUiConfig config;
    private final Transport transport;
    private final ServerAccess access;

    private ComfyUiClient(ComfyUiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new Transport(config);
        this.access = new ServerAccess() {
            @Override
            public Optional<HistoryEntry> history(String promptId) {
                return ComfyUiClient.this.history(promptId);
            }

            @Override
            public QueueState queue() {
                return ComfyUiClient.this.queue();
            }

            @Override
            public EventSocket openSocket() {
                return EventSocket.open(transport.http(), config.baseUri(), config.clientId(), config.connectTimeout(),
                        config.requestTimeout());
            }
        };
    }

    /**
     * A client with the given configuration.
     *
     * @param config the configuration
     * @return the client
     */
    public static ComfyUiClient create(ComfyUiConfig config) {
        return new ComfyUiClient(config);
    }

    /**
     * A client with the default configuration.
     *
     * @param baseUri the server, e.g. {@code http://127.0.0.1:8188}
     * @return the client
     * @throws IllegalArgumentException when the URI is not an http(s) server address
     */
    public static ComfyUiClient create(URI baseUri) {
        return new ComfyUiClient(ComfyUiConfig.builder(baseUri).build());
    }

    /**
     * A fresh prompt id: a random UUID in the canonical lowercase form newer servers require.
     *
     * @return the id
     */
    public static String newPromptId() {
        return UUID.randomUUID().toString();
    }

    /**
     * This client's configuration.
     *
     * @return the configuration
     */
    public ComfyUiConfig config() {
        return config;
    }

    /**
     * Queues a workflow under a fresh prompt id ({@code POST /prompt}).
     *
     * @param workflow the API-format workflow: node id to {@code {class_type, inputs}}
     * @return the accepted prompt
     * @throws ComfyUiPromptRejectedException on a 400: validation failed, a node is not installed, ...
     * @throws ComfyUiUnavailableException    when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException        when it does not answer in time
     * @throws ComfyUiProtocolException       when the answer cannot be read
     */
    public PromptAccepted submit(JsonNode workflow) {
        return submit(workflow, newPromptId());
    }

    /**
     * Queues a workflow under the given prompt id ({@code POST /prompt} with {@code client_id} and
     * {@code prompt_id}). Messages about it go to this client's socket.
     *
     * @param workflow the API-format workflow
     * @param promptId a canonical lowercase UUID, see {@link #newPromptId()}
     * @return the accepted prompt
     * @throws IllegalArgumentException when {@code promptId} is not a canonical lowercase UUID
     * @throws ComfyUiPromptRejectedException on a 400
     * @throws ComfyUiUnavailableException    when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException        when it does not answer in time
     * @throws ComfyUiProtocolException       when the answer cannot be read
     */
    public PromptAccepted submit(JsonNode workflow, String promptId) {
        Objects.requireNonNull(workflow, "workflow");
        requirePromptId(promptId);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("prompt", workflow);
        body.put("client_id", config.clientId());
        body.put("prompt_id", promptId);
        HttpResponse<String> response = transport.postJson("prompt", body);
        String endpoint = Transport.endpoint(response.request());
        if (response.statusCode() == 400) {
            JsonNode root = Json.parse(response.body(), endpoint);
            throw new ComfyUiPromptRejectedException(endpoint, PromptParsing.rejected(root, response.body()));
        }
        Transport.requireSuccess(response.request(), response.statusCode(), response.body());
        return PromptParsing.accepted(Json.parse(response.body(), endpoint), endpoint);
    }

    /**
     * Opens the socket, queues the workflow under a fresh id and watches it to the end.
     *
     * @param workflow the API-format workflow
     * @param listener receives {@link ExecutionEvent.Queued} and then the prompt's events
     * @return how it ended
     * @throws ComfyUiPromptRejectedException on a 400 from {@code /prompt}
     * @throws ComfyUiUnavailableException    when the prompt cannot be queued
     * @see #execute(JsonNode, String, ProgressListener)
     */
    public ExecutionResult execute(JsonNode workflow, ProgressListener listener) {
        return execute(workflow, newPromptId(), listener);
    }

    /**
     * Opens the socket first (so no message is missed), queues the workflow under {@code promptId}
     * and watches it to the end. Knowing the id up front lets another thread {@link #interrupt} it.
     * A socket that cannot be opened is not an error: the watch then polls.
     *
     * @param workflow the API-format workflow
     * @param promptId a canonical lowercase UUID
     * @param listener receives {@link ExecutionEvent.Queued} and then the prompt's events
     * @return how it ended; never waits past the job timeout
     * @throws ComfyUiPromptRejectedException on a 400 from {@code /prompt}
     * @throws ComfyUiUnavailableException    when the prompt cannot be queued
     * @throws ComfyUiTimeoutException        when {@code /prompt} does not answer in time
     * @throws ComfyUiProtocolException       when an answer cannot be read
     * @throws ComfyUiException               when the thread is interrupted (flag restored)
     */
    public ExecutionResult execute(JsonNode workflow, String promptId, ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        requirePromptId(promptId);
        Optional<EventSocket> socket = Optional.empty();
        try {
            socket = Optional.of(access.openSocket());
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException e) {
            System.getLogger(ComfyUiClient.class.getName()).log(System.Logger.Level.DEBUG,
                    "WebSocket unavailable, the watch will poll: {0}", e.getMessage());
        }
        PromptAccepted accepted;
        try {
            accepted = submit(workflow, promptId);
        } catch (RuntimeException e) {
            socket.ifPresent(EventSocket::close);
            throw e;
        }
        ExecutionMonitor.deliver(listener, new ExecutionEvent.Queued(accepted.promptId(), accepted.number()));
        return monitor(accepted.promptId(), listener, socket, StallWatch.nodeClasses(workflow));
    }

    /**
     * Watches a queued prompt to the end: WebSocket messages while it talks; {@code /history} and
     * {@code /queue} when it is silent or gone; reconnects with backoff; reports the prompt lost when
     * the server stays unreachable past the dead-server timeout, when it runs without a word for the
     * stall timeout, or when the job timeout passes. ComfyUI sends a prompt's messages only to the
     * client that queued it, so a prompt of another client, heard by polling only, is reported
     * {@link LossReason#STALLED stalled} once it has run for {@link ComfyUiConfig#stallTimeout()}.
     *
     * @param promptId the prompt, queued by this client (other clients' prompts are found by polling)
     * @param listener receives the prompt's events on this thread
     * @return how it ended
     * @throws ComfyUiProtocolException when an answer cannot be read
     * @throws ComfyUiException         when the thread is interrupted (flag restored)
     */
    public ExecutionResult watch(String promptId, ProgressListener listener) {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(listener, "listener");
        return monitor(promptId, listener, Optional.empty(), Map.of());
    }

    private ExecutionResult monitor(String promptId, ProgressListener listener, Optional<EventSocket> socket,
                                    Map<String, String> nodeClasses) {
        try {
            return new ExecutionMonitor(config, access, promptId, listener, socket, nodeClasses).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyUiException("interrupted while watching prompt " + promptId + " on " + config.baseUri(), e);
        }
    }

    /**
     * A prompt's history entry ({@code GET /history/{id}}).
     *
     * @param promptId the prompt
     * @return the entry, or empty while it is queued or running, or when the server does not know it
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when the answer cannot be read
     */
    public Optional<HistoryEntry> history(String promptId) {
        Objects.requireNonNull(promptId, "promptId");
        return HistoryParsing.entry(transport.getJson("history/" + encode(promptId)), promptId);
    }

    /**
     * What runs and waits ({@code GET /queue}).
     *
     * @return the queue
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when the answer cannot be read
     */
    public QueueState queue() {
        return HistoryParsing.queue(transport.getJson("queue"));
    }

    /**
     * Downloads an output file ({@code GET /view}) into {@code folder}, keeping its subfolder. The
     * names come from the server and are checked first; the bytes go to a temporary file in the
     * target directory that is then moved into place, so no partial file is ever visible.
     *
     * @param file   the file, from a history entry or an {@code executed} message
     * @param folder the local output folder
     * @return the written file, inside {@code folder}
     * @throws ComfyUiProtocolException    when a name would lead outside {@code folder} (nothing is
     *                                     requested or written then), or the server answers 4xx
     * @throws ComfyUiUnavailableException when the server cannot be reached, answers 5xx, or the
     *                                     transfer breaks
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiException            when the local file cannot be written
     */
    public Path download(OutputFile file, Path folder) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(folder, "folder");
        return Downloads.download(transport, file, folder);
    }

    /**
     * Uploads an input image or mask ({@code POST /upload/image}, multipart fields {@code image},
     * {@code overwrite}, {@code type}, {@code subfolder}).
     *
     * @param image   the local file; its name is the name sent
     * @param options folder, subfolder and overwrite
     * @return where the server stored it
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when the server refuses it (4xx) or the answer cannot be read
     * @throws ComfyUiException            when the local file cannot be read
     */
    public UploadedImage uploadImage(Path image, ImageUpload options) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        return Uploads.upload(transport, image, options);
    }

    /**
     * Interrupts a prompt if it is the one running ({@code POST /interrupt} with {@code prompt_id});
     * the server ignores ids that are not running. The watch then ends with
     * {@link ExecutionResult.Interrupted}.
     *
     * @param promptId the prompt
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     */
    public void interrupt(String promptId) {
        Objects.requireNonNull(promptId, "promptId");
        ObjectNode body = Json.MAPPER.createObjectNode().put("prompt_id", promptId);
        HttpResponse<String> response = transport.postJson("interrupt", body);
        Transport.requireSuccess(response.request(), response.statusCode(), response.body());
    }

    /**
     * Asks the server to unload models and free memory between jobs ({@code POST /free}); useful
     * after an out-of-memory failure.
     *
     * @param unloadModels unload every loaded model
     * @param freeMemory   also drop cached results and empty the allocator's cache
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     */
    public void free(boolean unloadModels, boolean freeMemory) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("unload_models", unloadModels).put("free_memory", freeMemory);
        HttpResponse<String> response = transport.postJson("free", body);
        Transport.requireSuccess(response.request(), response.statusCode(), response.body());
    }

    /**
     * Versions and devices ({@code GET /system_stats}).
     *
     * @return the stats
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when the answer cannot be read
     */
    public SystemStats systemStats() {
        return StatsParsing.systemStats(transport.getJson("system_stats"));
    }

    /**
     * Installed node classes and their choice lists ({@code GET /object_info}).
     *
     * @return the node information
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when the answer cannot be read
     */
    public ObjectInfo objectInfo() {
        return StatsParsing.objectInfo(transport.getJson("object_info"));
    }

    /** Releases the HTTP client; watches in progress end with transport failures. */
    @Override
    public void close() {
        transport.close();
    }

    private static void requirePromptId(String promptId) {
        Objects.requireNonNull(promptId, "promptId");
        boolean canonical;
        try {
            canonical = UUID.fromString(promptId).toString().equals(promptId);
        } catch (IllegalArgumentException e) {
            canonical = false;
        }
        if (!canonical) {
            throw new IllegalArgumentException("promptId must be a canonical lowercase UUID, was '" + promptId + "'");
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
