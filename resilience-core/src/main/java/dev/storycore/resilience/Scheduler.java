package dev.storycore.resilience;

import java.time.Duration;

/**
 * Runs a task after a delay without blocking the caller; asynchronous retry waits through it and
 * asynchronous timeouts fire through it. {@link #system()} uses one shared daemon thread; tests use a
 * scheduler driven by a fake clock (see {@code dev.storycore.resilience.testing.FakeScheduler}).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Schedules a task.
     *
     * @param task  what to run; it must not block
     * @param delay how long from now, never negative
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Runnable task, Duration delay);

    /**
     * The shared system scheduler: one daemon platform thread that only hands tasks over when they
     * fall due; the tasks themselves must be short.
     *
     * @return the system scheduler
     */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** A handle to a scheduled task. */
    @FunctionalInterface
    interface Cancellable {

        /**
         * Cancels the task if it has not run yet; does nothing otherwise.
         *
         * @return {@code true} if this call prevented the task from running
         */
        boolean cancel();
    }
}
