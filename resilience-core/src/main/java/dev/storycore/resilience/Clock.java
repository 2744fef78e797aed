package dev.storycore.resilience;

import java.time.Instant;

/**
 * The source of time for every policy. Policies measure durations with {@link #nanoTime()} and stamp
 * records with {@link #instant()}; only {@link #system()} touches the real clock, so tests advance a
 * fake one (see {@code dev.storycore.resilience.testing.FakeClock}).
 *
 * <p>Implementations must be thread-safe.
 */
public interface Clock {

    /**
     * A monotonic reading in nanoseconds with an arbitrary origin, as {@link System#nanoTime()}.
     *
     * @return the current monotonic time
     */
    long nanoTime();

    /**
     * The current wall-clock time, used only for timestamps in records and reports.
     *
     * @return the current instant
     */
    Instant instant();

    /**
     * The real clock: {@link System#nanoTime()} and {@link Instant#now()}.
     *
     * @return the system clock, a shared stateless instance
     */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
