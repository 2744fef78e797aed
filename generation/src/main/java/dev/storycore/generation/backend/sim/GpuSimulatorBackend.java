package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.internal.RunningJobs;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.resilience.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A GPU that is not there: runs generation jobs against a simulated ComfyUI server for development,
 * demos and chaos tests, and fails them with the text the real stack prints.
 *
 * <p><b>What it simulates.</b> Memory from its own ground-truth model ({@link #simulatedMemory}),
 * which may disagree with {@code VramEstimator} by up to ±20 %: a job runs out of GPU memory exactly
 * when its simulated peak exceeds the device's memory minus what other processes hold, and of system
 * RAM when offloaded weights do not fit. Time from a model of load, encode, per-step sampling and
 * decode costs, spent on a {@link VirtualClock} by default, so two hundred shots take seconds. Chance
 * faults from the {@link FailureProfile}; corrupt and missing models from the configuration. Output:
 * procedural frames watermarked "SIMULATED" at the requested size, written as a preview MP4 by
 * default (see {@link OutputMode}), plus a JSON sidecar.
 *
 * <p><b>Determinism.</b> Everything follows from the seed and the jobs. An attempt's random stream is
 * keyed by its shot id and the number of attempts of that shot this backend has seen before, not by
 * arrival order, so shots running concurrently cannot change one another's outcomes, and job ids may
 * be anything. Attempts of one shot are expected to run one after another, as retries do. A retry of
 * the same request draws again for chance faults and meets the same memory, model and input faults.
 *
 * <p>The simulator does not validate requests (run {@code RequestValidator} first); a model without
 * the requested workflow is simulated anyway. Upscale jobs use a simulated image upscaler whatever the
 * model id, unless the id is configured missing or corrupt.
 *
 * <p>Thread-safe: jobs may run concurrently; counters are adders and per-job state is confined.
 */
public final class GpuSimulatorBackend implements GenerationBackend {

    private final GpuSimulatorConfig config;
    private final GroundTruthMemory memory;
    private final Simulation simulation;
    private final SimulatedOutput output;
    private final RunningJobs running = new RunningJobs();
    private final Map<String, AtomicLong> attemptsByShot = new ConcurrentHashMap<>();
    private final LongAdder jobs = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder reattached = new LongAdder();
    private final Map<FaultKind, LongAdder> failures = new EnumMap<>(FaultKind.class);
    private final DoubleAdder gpuSeconds = new DoubleAdder();
    private final DoubleAdder wastedGpuSeconds = new DoubleAdder();
    private final AtomicLong cachedVramBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A simulator.
     *
     * @param config how it behaves
     */
    public GpuSimulatorBackend(GpuSimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.memory = new GroundTruthMemory(config.seed());
        this.simulation = new Simulation(config, memory);
        this.output = new SimulatedOutput(config);
        for (FaultKind kind : FaultKind.values()) {
            failures.put(kind, new LongAdder());
        }
    }

    /** @return the configuration */
    public GpuSimulatorConfig config() {
        return config;
    }

    /** @return the clock jobs spend simulated time on, virtual by default */
    public Clock clock() {
        return config.clock();
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return {@code true}: the simulator stands for a GPU */
    @Override
    public boolean gpuTier() {
        return true;
    }

    /**
     * Runs one simulated attempt.
     *
     * @throws SimulatedFailure         (a {@link BackendException}) when the attempt fails
     * @throws BackendException         if the output cannot be written
     * @throws GenerationException      if the request has a size, frame, step or batch count below 1
     * @throws IllegalStateException    if the backend is closed or a job with this id is running
     */
    @Override
    public GenerationResult generate(GenerationJob job, ProgressListener listener) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            throw new IllegalStateException("backend " + name() + " is closed");
        }
        checkSizes(job.request());
        long attempt = attemptsByShot.computeIfAbsent(job.shotId(), k -> new AtomicLong()).getAndIncrement();
        RunningJobs.Handle handle = running.start(job.jobId());
        jobs.increment();
        var execution = new JobExecution(config, simulation, output, job, listener, handle, attempt);
        try {
            GenerationResult result = execution.run();
            succeeded.increment();
            gpuSeconds.add(result.gpuSeconds());
            cachedVramBytes.set(residentAfter(job.request()));
            return result;
        } catch (BackendException e) {
            if (e instanceof SimulatedFailure failure) {
                failures.get(failure.kind()).increment();
            }
            gpuSeconds.add(e.gpuSecondsSpent());
            wastedGpuSeconds.add(e.gpuSecondsSpent());
            cachedVramBytes.set(0);
            throw e;
        } finally {
            if (execution.reattached()) {
                reattached.increment();
            }
            running.finish(handle);
        }
    }

    /** Cancels a running job; it fails with an {@link FaultKind#INTERRUPTED} report. */
    @Override
    public void cancel(String jobId) {
        running.cancel(Objects.requireNonNull(jobId, "jobId"));
    }

    /**
     * The simulated device: free VRAM is the total minus other processes and the models still loaded
     * after the last job (none after an out-of-memory error or {@link #freeMemory()}).
     *
     * @throws BackendException after {@link #close()}, with a refused-connection report
     */
    @Override
    public BackendStats systemStats() {
        if (closed.get()) {
            throw new BackendException(name(), "[Errno 111] Connection refused", 0);
        }
        long free = Math.max(0, simulation.usableVramBytes() - cachedVramBytes.get());
        long ram = config.hostRamBytes();
        return new BackendStats(config.gpu(), free, ram, Math.max(0, ram - GroundTruthMemory.PROCESS_RAM_BYTES),
                Map.of("simulator", "storycore-sim 1", "pytorch", "2.5.1+cu124 (simulated)",
                        "comfyui", "0.3.40 (simulated)"));
    }

    @Override
    public BackendHealth health() {
        return closed.get() ? BackendHealth.down("closed")
                : BackendHealth.ok("simulated " + config.gpu().name() + ", "
                        + config.failureProfile().name().toLowerCase(Locale.ROOT) + " faults, "
                        + running.size() + " running");
    }

    /** Unloads the simulated models, as ComfyUI's {@code POST /free} does. */
    @Override
    public void freeMemory() {
        cachedVramBytes.set(0);
    }

    /** Refuses further jobs; running ones finish. */
    @Override
    public void close() {
        closed.set(true);
    }

    /**
     * The ground truth for a request on this simulator: its peak GPU memory, phases and system RAM.
     *
     * @param request the request
     * @return the simulated memory
     * @throws GenerationException if the model is unknown (except for upscaling)
     */
    public SimulatedMemory simulatedMemory(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.workflow() == Workflow.UPSCALE) {
            return memory.upscale(request.modelId(), request).summary();
        }
        return memory.trace(config.models().require(request.modelId()), request).summary();
    }

    /**
     * A model's memory bias on this simulator, the same for every request.
     *
     * @param modelId the model id
     * @return the bias, in [-0.18, 0.18]
     */
    public double memoryBias(String modelId) {
        return memory.bias(Objects.requireNonNull(modelId, "modelId"));
    }

    /** @return GPU memory a job may use: the device minus what other processes hold */
    public long usableVramBytes() {
        return simulation.usableVramBytes();
    }

    /** @return what this simulator has done so far */
    public SimulatorStats stats() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        failures.forEach((kind, count) -> {
            if (count.sum() > 0) {
                counts.put(kind, count.sum());
            }
        });
        return new SimulatorStats(jobs.sum(), succeeded.sum(), counts, reattached.sum(), gpuSeconds.sum(),
                wastedGpuSeconds.sum());
    }

    private long residentAfter(GenerationRequest request) {
        if (request.offload() != Offload.NONE || request.workflow() == Workflow.UPSCALE) {
            return 0;
        }
        return Math.min(simulation.usableVramBytes(), simulatedMemory(request).encodeBytes());
    }

    private static void checkSizes(GenerationRequest r) {
        if (r.width() < 1 || r.height() < 1 || r.frames() < 1 || r.steps() < 1 || r.batchSize() < 1 || r.fps() < 1) {
            throw new GenerationException("request " + r.summary() + " has a size, frame, step, batch or fps"
                    + " value below 1; validate requests before running them");
        }
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
