package dev.storycore.resilience;

import java.time.Duration;

/**
 * Blocks the calling thread for a duration; synchronous retry waits through it. Only {@link #system()}
 * really sleeps, so tests record the requested delays instead (see
 * {@code dev.storycore.resilience.testing.RecordingSleeper}).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Sleeps for the given duration.
     *
     * @param duration how long, never negative
     * @throws InterruptedException if the thread is interrupted while sleeping
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real sleeper, {@link Thread#sleep(Duration)}; cheap on a virtual thread.
     *
     * @return the system sleeper, a shared stateless instance
     */
    static Sleeper system() {
        return Thread::sleep;
    }
}
