package dev.storycore.cli;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuPresets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A backend for run tests: every job succeeds after 5 GPU-seconds, except that a shot may be told to
 * fail its first attempt with a given report, or to block until the job is cancelled.
 */
final class ScriptedBackend implements GenerationBackend {

    private final String name;
    private final boolean gpu;
    private final Map<String, String> failFirst = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> blocking = new ConcurrentHashMap<>();
    final List<String> jobs = new CopyOnWriteArrayList<>();
    final CountDownLatch blockedStarted = new CountDownLatch(1);

    ScriptedBackend(String name, boolean gpu) {
        this.name = name;
        this.gpu = gpu;
    }

    ScriptedBackend failFirst(String shotId, String report) {
        failFirst.put(shotId, report);
        return this;
    }

    ScriptedBackend blockUntilCancelled(String shotId) {
        blocking.put(shotId, new CountDownLatch(1));
        return this;
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
        jobs.add(job.jobId());
        String report = failFirst.remove(job.shotId());
        if (report != null) {
            throw new BackendException(name, report, 2.0);
        }
        CountDownLatch gate = blocking.get(job.shotId());
        if (gate != null) {
            blockedStarted.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new BackendException(name, "Processing interrupted", 1.0);
        }
        return new GenerationResult(job.jobId(), name, job.request(),
                List.of(job.outputDir().resolve(job.jobId() + ".mp4")), true, Duration.ofSeconds(5), gpu ? 5.0 : 0.0,
                List.of(gpu ? "scripted output" : "placeholder"));
    }

    @Override
    public void cancel(String jobId) {
        blocking.forEach((shot, gate) -> {
            if (jobId.startsWith(shot + "-")) {
                gate.countDown();
            }
        });
    }

    @Override
    public BackendStats systemStats() {
        return new BackendStats(GpuPresets.DEFAULT, GpuPresets.DEFAULT.vramBytes(), 64L << 30, 32L << 30, Map.of());
    }

    @Override
    public BackendHealth health() {
        return BackendHealth.ok("scripted");
    }
}
