package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-process ComfyUI for tests: its HTTP routes and its {@code /ws} WebSocket on one loopback
 * port, its message order, its validation answers, and scripted faults (see {@link Fault}, plus
 * {@link #failNextRequests}, {@link #respondSlowly()} and {@link #stop()}).
 *
 * <p>Start with {@link #start()}, point a client at {@link #baseUri()}, close when done. Thread-safe.
 */
public final class FakeComfyUi implements AutoCloseable {

    /** A recorded {@code POST /upload/image}. */
    public record Upload(String filename, byte[] content, String type, String subfolder, String overwrite) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final FrontDoor front;
    private final FakeQueue queue = new FakeQueue();
    private final FakeWorker worker;
    private final Thread workerThread;
    private final FakeSockets sockets = new FakeSockets(this);
    private final Map<String, ObjectNode> history = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Queue<Set<Fault>> scriptedFaults = new ConcurrentLinkedQueue<>();
    private final Queue<String> outputNames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger forcedFailures = new AtomicInteger();
    private final AtomicInteger forcedStatus = new AtomicInteger(500);
    private final AtomicReference<CountDownLatch> slowGate = new AtomicReference<>();
    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private final Map<String, AtomicInteger> outputCounters = new ConcurrentHashMap<>();
    private final ReentrantLock objectInfoLock = new ReentrantLock();
    private final AtomicInteger promptNumber = new AtomicInteger();
    private final List<JsonNode> prompts = new CopyOnWriteArrayList<>();
    private final List<String> interrupts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> frees = new CopyOnWriteArrayList<>();
    private final List<JsonNode> queueEdits = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile JsonNode objectInfo;
    private volatile FakeValidator validator;
    private volatile String systemStats;
    private volatile boolean stopped;

    private FakeComfyUi() throws IOException {
        objectInfo(resource("object_info.json"));
        systemStats = resource("system_stats.json");
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        new FakeHttpApi(this).register(http);
        http.start();
        front = new FrontDoor(http.getAddress().getPort(), sockets::accept);
        worker = new FakeWorker(this, queue);
        workerThread = Thread.ofVirtual().name("fake-comfyui-worker").start(worker);
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static FakeComfyUi start() throws IOException {
        return new FakeComfyUi();
    }

    /** The address to give a client, e.g. {@code http://127.0.0.1:40123/}. @return the URI */
    public URI baseUri() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + front.port() + "/");
    }

    // ---- scripting ----------------------------------------------------------------------------

    /** Faults for the next queued prompt (one call per prompt, in order). @param faults the faults @return this */
    public FakeComfyUi nextPromptFaults(Fault... faults) {
        scriptedFaults.add(faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults));
        return this;
    }

    /** The next {@code count} HTTP requests, whatever the route, answer {@code status}. @return this */
    public FakeComfyUi failNextRequests(int status, int count) {
        forcedStatus.set(status);
        forcedFailures.set(count);
        return this;
    }

    /** Every HTTP answer waits until {@link #releaseSlowResponses()} or {@link #stop()}. @return this */
    public FakeComfyUi respondSlowly() {
        slowGate.set(new CountDownLatch(1));
        return this;
    }

    /**
     * Waits until a request is being held by {@link #respondSlowly()}.
     *
     * @param timeout the longest wait
     * @return true when one arrived in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitSlowRequest(java.time.Duration timeout) throws InterruptedException {
        return slowRequestArrived.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Lets slow answers go and answers promptly again. */
    public void releaseSlowResponses() {
        CountDownLatch gate = slowGate.getAndSet(null);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** The file name the next output node reports, e.g. {@code ../../escape.webp}. @return this */
    public FakeComfyUi nextOutputName(String filename) {
        outputNames.add(filename);
        return this;
    }

    /** Replaces the {@code /system_stats} body. @param body JSON @return this */
    public FakeComfyUi systemStats(String body) {
        systemStats = body;
        return this;
    }

    /** Replaces the {@code /object_info} body, which also drives validation. @param body JSON @return this */
    public FakeComfyUi objectInfo(String body) {
        try {
            objectInfo = json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator = new FakeValidator(json, objectInfo);
        return this;
    }

    /** Lets every {@link Fault#HOLD held} prompt, running or still pending, continue to success. */
    public void releaseHeldPrompts() {
        queue.running().ifPresent(job -> job.gate.complete(false));
        queue.pending().forEach(job -> job.gate.complete(false));
    }

    /** Lets the running {@link Fault#STEPWISE} prompt send its next sampler step. */
    public void allowStep() {
        queue.running().ifPresent(job -> job.steps.release());
    }

    /** Stops like a killed process: connections cut, the port refusing, no history written. Idempotent. */
    public void stop() {
        stopped = true;
        front.close();
        sockets.dropAll();
        // Cut held requests before letting their handlers go, so none of them answers.
        http.stop(0);
        releaseSlowResponses();
        queue.running().ifPresent(job -> job.gate.complete(false));
        if (Thread.currentThread() != workerThread) {
            workerThread.interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- observation --------------------------------------------------------------------------

    /** The bodies {@code POST /prompt} received. @return an immutable copy */
    public List<JsonNode> prompts() {
        return List.copyOf(prompts);
    }

    /** The prompt ids {@code POST /interrupt} received (empty string for a global interrupt). @return a copy */
    public List<String> interrupts() {
        return List.copyOf(interrupts);
    }

    /** The bodies {@code POST /free} received. @return an immutable copy */
    public List<JsonNode> frees() {
        return List.copyOf(frees);
    }

    /** The bodies {@code POST /queue} received. @return an immutable copy */
    public List<JsonNode> queueEdits() {
        return List.copyOf(queueEdits);
    }

    /** The uploads received. @return an immutable copy */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** How many WebSocket connections were opened so far. @return the count */
    public int webSocketConnections() {
        return sockets.connections();
    }

    // ---- for the routes and the worker --------------------------------------------------------

    ObjectMapper json() {
        return json;
    }

    JsonNode objectInfo() {
        return objectInfo;
    }

    FakeValidator validator() {
        return validator;
    }

    String systemStatsJson() {
        return systemStats;
    }

    FakeQueue queueState() {
        return queue;
    }

    boolean isStopped() {
        return stopped;
    }

    long nowMillis() {
        return System.currentTimeMillis();
    }

    FakeJob enqueue(String promptId, String clientId, JsonNode prompt) {
        Set<Fault> faults = Optional.ofNullable(scriptedFaults.poll()).orElse(EnumSet.noneOf(Fault.class));
        FakeJob job = new FakeJob(promptId, promptNumber.getAndIncrement(), clientId, prompt, faults,
                json.createArrayNode());
        queue.add(job);
        sockets.broadcastStatus();
        return job;
    }

    void interrupt(String promptId) {
        interrupts.add(promptId);
        queue.running().filter(job -> promptId.isEmpty() || job.promptId.equals(promptId)).ifPresent(job -> {
            job.interruptRequested = true;
            job.gate.complete(true);
        });
    }

    void recordPrompt(JsonNode body) {
        prompts.add(body);
    }

    void recordQueueEdit(JsonNode body) {
        queueEdits.add(body);
    }

    void recordFree(JsonNode body) {
        frees.add(body);
    }

    void recordUpload(Upload upload) {
        uploads.add(upload);
        offerUpload(upload.filename());
    }

    /** Like ComfyUI's input folder listing: an uploaded file becomes a choice of the loaders that read it. */
    private void offerUpload(String filename) {
        objectInfoLock.lock();
        try {
            ObjectNode copy = objectInfo.deepCopy();
            for (String[] slot : new String[][] {{"LoadImage", "image"}, {"LoadImageMask", "image"}, {"LoadVideo", "file"}}) {
                JsonNode list = copy.path(slot[0]).path("input").path("required").path(slot[1]).path(0);
                if (list instanceof ArrayNode choices && !FakeObjectInfo.contains(choices, filename)) {
                    choices.add(filename);
                }
            }
            objectInfo = copy;
            validator = new FakeValidator(json, copy);
        } finally {
            objectInfoLock.unlock();
        }
    }

    Optional<Integer> takeForcedFailure() {
        return forcedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(forcedStatus.get()) : Optional.empty();
    }

    void awaitSlowGate() {
        CountDownLatch gate = slowGate.get();
        if (gate != null) {
            slowRequestArrived.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Optional<ObjectNode> historyEntry(String promptId) {
        return Optional.ofNullable(history.get(promptId));
    }

    Optional<byte[]> outputContent(String type, String subfolder, String filename) {
        return Optional.ofNullable(files.get(type + "/" + subfolder + "/" + filename));
    }

    /**
     * A new output dictionary of one file named as ComfyUI names it ({@code <prefix>_00001_.<ext>}, the
     * counter per prefix; mp4 for SaveVideo, webp otherwise), its bytes kept for {@code /view}.
     */
    ObjectNode newOutput(JsonNode node) {
        String prefix = node.path("inputs").path("filename_prefix").asText("ComfyUI");
        String extension = node.path("class_type").asText().equals("SaveVideo") ? "mp4" : "webp";
        String name = Optional.ofNullable(outputNames.poll()).orElseGet(() -> String.format("%s_%05d_.%s", prefix,
                outputCounters.computeIfAbsent(prefix, key -> new AtomicInteger()).incrementAndGet(), extension));
        files.put("output//" + name, ("RIFF....WEBPVP8L fake video " + name).getBytes(StandardCharsets.UTF_8));
        ObjectNode output = json.createObjectNode();
        output.putArray("images").addObject().put("filename", name).put("subfolder", "").put("type", "output");
        output.putArray("animated").add(true);
        return output;
    }

    void recordHistory(FakeJob job, String status, boolean completed, ObjectNode outputs) {
        ObjectNode entry = json.createObjectNode();
        entry.putArray("prompt").add((long) job.number).add(job.promptId).add(job.prompt)
                .add(json.createObjectNode().put("client_id", job.clientId)).addArray();
        entry.set("outputs", outputs);
        ObjectNode statusNode = entry.putObject("status").put("status_str", status).put("completed", completed);
        statusNode.set("messages", job.statusMessages);
        entry.putObject("meta");
        history.put(job.promptId, entry);
    }

    FakeSockets sockets() {
        return sockets;
    }

    String lastNode() {
        return worker.lastNode();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FakeComfyUi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
