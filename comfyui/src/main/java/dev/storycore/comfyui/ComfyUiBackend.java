package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs generation jobs on one ComfyUI server: uploads the job's inputs, fills in the catalog's
 * template for the request, queues it, turns ComfyUI's progress into {@code JobProgress}, and
 * downloads the outputs into the job's output folder (never outside it).
 *
 * <p>Failures are {@link ComfyUiBackendException}s whose {@code report} is what ComfyUI said: the raw
 * {@code execution_error} JSON, the raw 400 body of {@code /prompt}, or the transport message
 * ({@code Connection refused}, {@code HTTP 502 Bad Gateway}, {@code connection closed},
 * {@code timed out}). After an out-of-memory failure the backend asks the server to free memory
 * (configurable). {@link #cancel} interrupts a running prompt and removes a waiting one.
 *
 * <p>{@link #connect} does not contact the server; the first job or {@link #health()} does.
 * Thread-safe: jobs may run concurrently (ComfyUI queues them).
 */
public final class ComfyUiBackend implements GenerationBackend {

    private static final System.Logger LOG = System.getLogger(ComfyUiBackend.class.getName());

    private final ComfyUiClient client;
    private final Transport control;
    private final ComfyUiBackendOptions options;
    private final String name;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();

    private ComfyUiBackend(ComfyUiConfig config, ComfyUiBackendOptions options) {
        this.client = ComfyUiClient.create(config);
        this.control = new Transport(config);
        this.options = options;
        String path = config.baseUri().getRawPath();
        this.name = "comfyui@" + config.baseUri().getRawAuthority() + (path.equals("/") ? "" : path);
    }

    /**
     * A backend for one server.
     *
     * @param server  e.g. {@code http://127.0.0.1:8188}
     * @param options templates and client settings
     * @return the backend; nothing is sent yet
     * @throws IllegalArgumentException when the address is not an http(s) server address or the
     *                                  client settings are invalid
     */
    public static ComfyUiBackend connect(URI server, ComfyUiBackendOptions options) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(options, "options");
        return new ComfyUiBackend(options.clientConfig(server), options);
    }

    /**
     * A backend for one server with the default options.
     *
     * @param server e.g. {@code http://127.0.0.1:8188}
     * @return the backend; nothing is sent yet
     * @throws IllegalArgumentException when the address is not an http(s) server address
     */
    public static ComfyUiBackend connect(URI server) {
        return connect(server, ComfyUiBackendOptions.defaults());
    }

    /**
     * A backend for a server given as text, e.g. from a command line.
     *
     * @param url     e.g. {@code http://127.0.0.1:8188}
     * @param options templates and client settings
     * @return the backend; nothing is sent yet
     * @throws IllegalArgumentException naming the text when it is not an http(s) server address
     */
    public static ComfyUiBackend connect(String url, ComfyUiBackendOptions options) {
        return connect(parseServer(url), options);
    }

    /**
     * Reads a server address.
     *
     * @param url e.g. {@code http://127.0.0.1:8188}
     * @return the address
     * @throws IllegalArgumentException naming the text when it is not an http(s) address with a host
     */
    public static URI parseServer(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a ComfyUI server address: '" + url + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ComfyUI server address: '" + url
                    + "' (expected http://host:port, e.g. http://127.0.0.1:8188)");
        }
        return uri;
    }

    /** @return {@code comfyui@host:port} */
    @Override
    public String name() {
        return name;
    }

    /** @return true: ComfyUI renders on a GPU */
    @Override
    public boolean gpuTier() {
        return true;
    }

    /** @return the client this backend talks through */
    public ComfyUiClient client() {
        return client;
    }

    /** @return the options */
    public ComfyUiBackendOptions options() {
        return options;
    }

    TemplateCatalog catalog() {
        return options.catalog();
    }

    /**
     * Runs one job on the server. See the class description for what a failure reports.
     *
     * @throws ComfyUiBackendException when the job failed
     * @throws IllegalStateException   when a job with the same id is already running here
     */
    @Override
    public GenerationResult generate(GenerationJob job, ProgressListener listener) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(listener, "listener");
        JobRun run = new JobRun(this, client, job, listener);
        if (running.putIfAbsent(job.jobId(), run) != null) {
            throw new IllegalStateException("job " + job.jobId() + " is already running on " + name);
        }
        try {
            return run.run();
        } finally {
            running.remove(job.jobId(), run);
        }
    }

    /**
     * Interrupts the job if it runs ({@code POST /interrupt} with its prompt id) and removes it if it
     * waits ({@code POST /queue} with {@code delete}); its {@code generate} then fails with
     * {@link ComfyUiFailure#INTERRUPTED}. Unknown or finished jobs are ignored; never throws.
     */
    @Override
    public void cancel(String jobId) {
        JobRun run = running.get(Objects.requireNonNull(jobId, "jobId"));
        if (run != null) {
            run.cancel();
        }
    }

    /** Interrupts and dequeues a prompt, ignoring failures: the server may be gone already. */
    void stopOnServer(String promptId) {
        try {
            client.interrupt(promptId);
        } catch (ComfyUiException e) {
            LOG.log(System.Logger.Level.DEBUG, "Interrupt of {0} on {1} failed: {2}", promptId, name, e.getMessage());
        }
        try {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putArray("delete").add(promptId);
            HttpResponse<String> response = control.postJson("queue", body);
            Transport.requireSuccess(response.request(), response.statusCode(), response.body());
        } catch (ComfyUiException e) {
            LOG.log(System.Logger.Level.DEBUG, "Queue delete of {0} on {1} failed: {2}", promptId, name, e.getMessage());
        }
    }

    /**
     * The server's primary GPU, memory and versions ({@code GET /system_stats}).
     *
     * @throws BackendException when the server cannot be reached or answers nonsense
     */
    @Override
    public BackendStats systemStats() {
        try {
            return ServerStats.toBackendStats(client.systemStats());
        } catch (ComfyUiException e) {
            throw new BackendException(name, e.getMessage(), 0, e);
        }
    }

    /** {@code GET /queue}: healthy with the queue length, or down with the reason; never throws. */
    @Override
    public BackendHealth health() {
        try {
            QueueState queue = client.queue();
            int queued = queue.running().size() + queue.pending().size();
            return BackendHealth.ok(queued == 0 ? "idle" : "queue " + queued);
        } catch (RuntimeException e) {
            return BackendHealth.down(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Asks the server to unload every model and free cached memory ({@code POST /free} with
     * {@code unload_models} and {@code free_memory}). Failures are logged, never thrown: this runs
     * on recovery paths where the server may be gone.
     */
    @Override
    public void freeMemory() {
        try {
            client.free(true, true);
        } catch (ComfyUiException e) {
            LOG.log(System.Logger.Level.WARNING, "Freeing memory on {0} failed: {1}", name, e.getMessage());
        }
    }

    /** Releases the HTTP clients; running jobs end with transport failures. */
    @Override
    public void close() {
        client.close();
        control.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
