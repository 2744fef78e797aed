package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuPresets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A scripted backend: each job takes the next step of the script, then the default step. */
final class FakeBackend implements GenerationBackend {

    static final String CONNECTION_RESET = "ConnectionResetError: [Errno 104] Connection reset by peer";
    static final String CONNECTION_REFUSED = "HTTPConnectionPool(host='127.0.0.1', port=8188): Max retries exceeded "
            + "with url: /prompt (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object>: "
            + "Failed to establish a new connection: [Errno 111] Connection refused'))";
    static final String GPU_OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has "
            + "a total capacity of 15.70 GiB of which 1.12 GiB is free. Of the allocated memory 13.90 GiB is "
            + "allocated by PyTorch, and 120.00 MiB is reserved by PyTorch but unallocated.";
    static final String CORRUPT_WEIGHTS =
            "safetensors_rust.SafetensorError: Error while deserializing header: MetadataIncompleteBuffer";

    private final String name;
    private final boolean gpu;
    private final Deque<Function<GenerationJob, GenerationResult>> script = new ConcurrentLinkedDeque<>();
    private volatile Function<GenerationJob, GenerationResult> fallback;
    final List<GenerationJob> jobs = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final AtomicInteger freed = new AtomicInteger();

    FakeBackend(String name, boolean gpu) {
        this.name = name;
        this.gpu = gpu;
        this.fallback = this::succeed;
    }

    static FakeBackend gpu() {
        return new FakeBackend("fake-gpu", true);
    }

    static FakeBackend cpu() {
        return new FakeBackend("fake-cpu", false);
    }

    FakeBackend then(Function<GenerationJob, GenerationResult> step) {
        script.addLast(step);
        return this;
    }

    FakeBackend thenFail(String report, double gpuSeconds) {
        return then(job -> {
            throw new BackendException(name, report, gpuSeconds);
        });
    }

    FakeBackend alwaysFail(String report, double gpuSeconds) {
        fallback = job -> {
            throw new BackendException(name, report, gpuSeconds);
        };
        return this;
    }

    GenerationResult succeed(GenerationJob job) {
        return new GenerationResult(job.jobId(), name, job.request(), List.of(job.outputDir().resolve(job.jobId() + ".mp4")),
                false, Duration.ofSeconds(10), gpu ? 10.0 : 0.0, List.of(gpu ? "fake output" : "placeholder"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean gpuTier() {
        return gpu;
    }

    @Override
    public GenerationResult generate(GenerationJob job, ProgressListener listener) {
        jobs.add(job);
        listener.onProgress(new JobProgress(job.jobId(), "sampling", 0.5, "step 1/2"));
        Function<GenerationJob, GenerationResult> step = script.pollFirst();
        return (step == null ? fallback : step).apply(job);
    }

    @Override
    public void cancel(String jobId) {
        cancelled.add(jobId);
    }

    @Override
    public BackendStats systemStats() {
        return new BackendStats(GpuPresets.DEFAULT, GpuPresets.DEFAULT.vramBytes(), 64L << 30, 32L << 30, Map.of());
    }

    @Override
    public BackendHealth health() {
        return BackendHealth.ok("fake");
    }

    @Override
    public void freeMemory() {
        freed.incrementAndGet();
    }
}
