package dev.storycore.comfyui;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitBreakerBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Spreads jobs over several servers. Each job goes to the least busy server whose circuit breaker
 * admits it (ties in turn); when that server fails in a way that is its own fault (unreachable, 5xx,
 * died or restarted mid-job) the failure counts against its breaker and the job is resubmitted on
 * another server, each server being tried at most once per job. Every other failure (out of memory, a
 * missing model file, a cancel) ends the job as it is and counts as a success for the server, which
 * did answer. When no server can take the job, the failure's report starts with
 * {@code Connection refused} or carries each server's own transport message. A resubmitted job's
 * progress starts over: the listener hears a {@code queued} event naming the new server.
 *
 * <p>Thread-safe; jobs may run concurrently.
 */
public final class RoutingBackend implements GenerationBackend {

    private static final System.Logger LOG = System.getLogger(RoutingBackend.class.getName());

    private final List<RoutedServer> servers;
    private final RoutingOptions options;
    private final String name;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, RoutedServer> running = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    private RoutingBackend(List<? extends GenerationBackend> backends, RoutingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("backends must not be empty");
        }
        List<RoutedServer> list = new ArrayList<>();
        for (GenerationBackend backend : backends) {
            CircuitBreakerBuilder builder = CircuitBreaker.builder(backend.name())
                    .failureThreshold(RoutingOptions.DEFAULT_FAILURE_THRESHOLD)
                    .openDuration(RoutingOptions.DEFAULT_OPEN_DURATION);
            list.add(new RoutedServer(backend, Objects.requireNonNull(options.breaker().apply(builder),
                    "breaker settings").build()));
        }
        this.servers = List.copyOf(list);
        this.name = "comfyui-pool[" + servers.stream().map(RoutedServer::name).collect(Collectors.joining(",")) + "]";
    }

    /**
     * Routes over the given backends; closing the router closes them.
     *
     * @param backends the servers, at least one
     * @param options  breakers and what counts as a server's fault
     * @return the router
     * @throws IllegalArgumentException when the list is empty or the breaker settings are invalid
     */
    public static RoutingBackend of(List<? extends GenerationBackend> backends, RoutingOptions options) {
        return new RoutingBackend(List.copyOf(backends), options);
    }

    /**
     * Routes over ComfyUI servers, one {@link ComfyUiBackend} each.
     *
     * @param servers the server addresses, at least one
     * @param backend templates and client settings for every server
     * @param routing breakers and what counts as a server's fault
     * @return the router; nothing is sent yet
     * @throws IllegalArgumentException when the list is empty or an address is not an http(s) server
     */
    public static RoutingBackend connect(List<URI> servers, ComfyUiBackendOptions backend, RoutingOptions routing) {
        return of(servers.stream().map(uri -> ComfyUiBackend.connect(uri, backend)).toList(), routing);
    }

    /**
     * Reads several server addresses separated by commas or white space, e.g.
     * {@code http://gpu1:8188,http://gpu2:8188}.
     *
     * @param text the addresses
     * @return the addresses, in order
     * @throws IllegalArgumentException naming the first bad address, or when there is none
     */
    public static List<URI> parseServers(String text) {
        List<URI> uris = new ArrayList<>();
        for (String part : Objects.requireNonNull(text, "text").split("[,\\s]+")) {
            if (!part.isBlank()) {
                uris.add(ComfyUiBackend.parseServer(part));
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no ComfyUI server address given");
        }
        return List.copyOf(uris);
    }

    /** @return {@code comfyui-pool[<server names>]} */
    @Override
    public String name() {
        return name;
    }

    /** @return true when any server is a GPU tier */
    @Override
    public boolean gpuTier() {
        return servers.stream().anyMatch(server -> server.backend.gpuTier());
    }

    /** @return the servers' backends, in the order given */
    public List<GenerationBackend> backends() {
        return servers.stream().map(server -> server.backend).toList();
    }

    /**
     * A server's breaker.
     *
     * @param backendName the server backend's name, e.g. {@code comfyui@127.0.0.1:8188}
     * @return the breaker, or empty for an unknown name
     */
    public Optional<CircuitBreaker> breaker(String backendName) {
        return servers.stream().filter(server -> server.name().equals(backendName)).findFirst()
                .map(server -> server.breaker);
    }

    /**
     * Runs the job on a server, resubmitting it elsewhere when its server fails.
     *
     * @throws BackendException the job's own failure, or (when no server could run it) a
     *                          {@link ComfyUiBackendException} of kind {@link ComfyUiFailure#SERVER_UNAVAILABLE}
     *                          whose report names every server and why it failed
     */
    @Override
    public GenerationResult generate(GenerationJob job, ProgressListener listener) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(listener, "listener");
        List<BackendException> failures = new ArrayList<>();
        Set<RoutedServer> tried = new HashSet<>();
        try {
            while (!cancelled.contains(job.jobId())) {
                Optional<Choice> chosen = choose(tried);
                if (chosen.isEmpty()) {
                    throw noServer(job, failures, tried);
                }
                tried.add(chosen.get().server());
                if (!failures.isEmpty()) {
                    notify(listener, job, "resubmitting on " + chosen.get().server().name() + " after "
                            + failures.get(failures.size() - 1).backend() + " failed");
                }
                Optional<GenerationResult> result = attempt(chosen.get(), job, listener, failures);
                if (result.isPresent()) {
                    return result.get();
                }
            }
        } finally {
            cancelled.remove(job.jobId());
        }
        throw new ComfyUiBackendException(name, ComfyUiFailure.INTERRUPTED, "cancelled",
                "Processing interrupted: job " + job.jobId() + " was cancelled", 0, null);
    }

    /** A server that admitted the job, and the breaker permit to report the outcome with. */
    private record Choice(RoutedServer server, long permit) {
    }

    /** The least busy untried server whose breaker admits a call; ties go round in turn. */
    private Optional<Choice> choose(Set<RoutedServer> tried) {
        int first = Math.floorMod(turn.getAndIncrement(), servers.size());
        List<RoutedServer> order = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            RoutedServer server = servers.get((first + i) % servers.size());
            if (!tried.contains(server)) {
                order.add(server);
            }
        }
        order.sort(Comparator.comparingInt(server -> server.inFlight.get()));
        for (RoutedServer server : order) {
            long permit = server.breaker.acquirePermit();
            if (permit != CircuitBreaker.NO_PERMIT) {
                return Optional.of(new Choice(server, permit));
            }
        }
        return Optional.empty();
    }

    private Optional<GenerationResult> attempt(Choice choice, GenerationJob job, ProgressListener listener,
                                               List<BackendException> failures) {
        RoutedServer server = choice.server();
        var clock = server.breaker.config().clock();
        long start = clock.nanoTime();
        server.inFlight.incrementAndGet();
        running.put(job.jobId(), server);
        try {
            GenerationResult result = server.backend.generate(job, listener);
            server.breaker.onPermitSuccess(choice.permit(), clock.nanoTime() - start);
            return Optional.of(result);
        } catch (BackendException e) {
            if (!options.serverFailure().test(e)) {
                server.breaker.onPermitSuccess(choice.permit(), clock.nanoTime() - start);
                throw e;
            }
            server.breaker.onPermitFailure(choice.permit(), clock.nanoTime() - start, e);
            server.failed(e.report());
            failures.add(e);
            LOG.log(System.Logger.Level.INFO, "Job {0} failed on {1} ({2}); trying another server", job.jobId(),
                    server.name(), RoutedServer.firstLine(e.report()));
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            server.breaker.releasePermit(choice.permit());
            throw e;
        } finally {
            server.inFlight.decrementAndGet();
            running.remove(job.jobId(), server);
        }
    }

    /** Every server failed the job or refused it: say why for each, in words a classifier knows. */
    private ComfyUiBackendException noServer(GenerationJob job, List<BackendException> failures,
                                             Set<RoutedServer> tried) {
        List<String> reasons = new ArrayList<>();
        for (BackendException failure : failures) {
            reasons.add(failure.backend() + ": " + RoutedServer.firstLine(failure.report()));
        }
        servers.stream().filter(server -> !tried.contains(server)).forEach(server -> reasons.add(server.refusal()));
        String head = failures.isEmpty() ? "Connection refused: no ComfyUI server accepts jobs now"
                : "no ComfyUI server could run job " + job.jobId();
        double gpuSeconds = failures.stream().mapToDouble(BackendException::gpuSecondsSpent).sum();
        ComfyUiBackendException failure = new ComfyUiBackendException(name, ComfyUiFailure.SERVER_UNAVAILABLE, head,
                head + "; " + String.join("; ", reasons), gpuSeconds,
                failures.isEmpty() ? null : failures.get(failures.size() - 1));
        failures.stream().limit(Math.max(0, failures.size() - 1)).forEach(failure::addSuppressed);
        return failure;
    }

    private static void notify(ProgressListener listener, GenerationJob job, String message) {
        try {
            listener.onProgress(new JobProgress(job.jobId(), "queued", 0, message));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Progress listener threw for job " + job.jobId(), e);
        }
    }

    /** Cancels the job on the server running it, and stops it from being resubmitted. */
    @Override
    public void cancel(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        RoutedServer server = running.get(jobId);
        if (server != null) {
            cancelled.add(jobId);
            server.backend.cancel(jobId);
        }
    }

    /**
     * The stats of the first server that admits calls and answers.
     *
     * @throws BackendException when none answers
     */
    @Override
    public BackendStats systemStats() {
        List<String> reasons = new ArrayList<>();
        for (RoutedServer server : servers) {
            if (server.breaker.state().refusesCalls()) {
                reasons.add(server.refusal());
                continue;
            }
            try {
                return server.backend.systemStats();
            } catch (BackendException e) {
                reasons.add(server.name() + ": " + RoutedServer.firstLine(e.report()));
            }
        }
        throw new BackendException(name, "no ComfyUI server answered: " + String.join("; ", reasons), 0);
    }

    /** Healthy when at least one server's breaker admits calls and the server answers; never throws. */
    @Override
    public BackendHealth health() {
        List<String> details = new ArrayList<>();
        int up = 0;
        for (RoutedServer server : servers) {
            if (server.breaker.state().refusesCalls()) {
                details.add(server.refusal());
                continue;
            }
            BackendHealth health = server.backend.health();
            up += health.healthy() ? 1 : 0;
            details.add(server.name() + ": " + (health.healthy() ? "" : "down: ") + health.detail());
        }
        String detail = up + " of " + servers.size() + " servers up (" + String.join("; ", details) + ")";
        return up > 0 ? BackendHealth.ok(detail) : BackendHealth.down(detail);
    }

    /** Frees memory on every server. */
    @Override
    public void freeMemory() {
        servers.forEach(server -> server.backend.freeMemory());
    }

    /** Closes every server's backend. */
    @Override
    public void close() {
        servers.forEach(server -> server.backend.close());
    }

    @Override
    public String toString() {
        return name;
    }
}
