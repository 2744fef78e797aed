package dev.storycore.generation.backend.sim;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs running now, so {@code cancel(jobId)} can reach them. Cancelling sets a flag the job checks
 * between simulated segments and interrupts the job's thread, which ends a real-time sleep or a video
 * encode at once. The interrupt is sent under the job's lock and {@link #finish} takes the same lock,
 * so an interrupt never reaches a thread after its job has finished; {@link #finish} also clears an
 * interrupt that cancelling caused, also when a job cancels itself from its own progress listener.
 * Thread-safe.
 */
final class RunningJobs {

    private final Map<String, Handle> jobs = new ConcurrentHashMap<>();

    /** One running job. */
    static final class Handle {
        private final String jobId;
        private final Thread thread;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean cancelled;
        private boolean finished;

        private Handle(String jobId, Thread thread) {
            this.jobId = jobId;
            this.thread = thread;
        }

        boolean cancelled() {
            lock.lock();
            try {
                return cancelled;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Registers the calling thread's job.
     *
     * @throws IllegalStateException if a job with this id is already running
     */
    Handle start(String jobId) {
        Handle handle = new Handle(jobId, Thread.currentThread());
        if (jobs.putIfAbsent(jobId, handle) != null) {
            throw new IllegalStateException("job " + jobId + " is already running on this backend");
        }
        return handle;
    }

    /** Cancels a running job; does nothing for unknown or finished ones. */
    void cancel(String jobId) {
        Optional.ofNullable(jobs.get(jobId)).ifPresent(handle -> {
            handle.lock.lock();
            try {
                if (!handle.finished && !handle.cancelled) {
                    handle.cancelled = true;
                    handle.thread.interrupt();
                }
            } finally {
                handle.lock.unlock();
            }
        });
    }

    /** Unregisters a job; clears the interrupt its cancellation sent. */
    void finish(Handle handle) {
        jobs.remove(handle.jobId, handle);
        handle.lock.lock();
        try {
            handle.finished = true;
            if (handle.cancelled) {
                Thread.interrupted();
            }
        } finally {
            handle.lock.unlock();
        }
    }

    int size() {
        return jobs.size();
    }
}
