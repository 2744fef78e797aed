package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.GenerationBackend;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The jobs on backends right now, so a cancelled generator can stop them. Thread-safe. */
final class RunningJobs {

    private final Map<String, GenerationBackend> jobs = new ConcurrentHashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    void started(String jobId, GenerationBackend backend) {
        jobs.put(jobId, backend);
        if (cancelled.get()) {
            // A job that started while cancel() ran must not slip through.
            backend.cancel(jobId);
        }
    }

    void finished(String jobId) {
        jobs.remove(jobId);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    /** Marks the generator cancelled and asks every backend to stop its running jobs. */
    void cancelAll() {
        cancelled.set(true);
        jobs.forEach((jobId, backend) -> backend.cancel(jobId));
    }

    int size() {
        return jobs.size();
    }
}
