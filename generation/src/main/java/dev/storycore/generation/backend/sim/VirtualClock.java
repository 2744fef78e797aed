package dev.storycore.generation.backend.sim;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time: a clock that moves only when simulated work "sleeps" through {@link #sleeper()}.
 * The GPU simulator spends each job's simulated duration this way, so two hundred jobs of several
 * GPU-minutes each finish in seconds of real time while the clock shows hours. Concurrent jobs add
 * up, as jobs queued on one GPU would.
 *
 * <p>Thread-safe: readings and advances are atomic.
 */
public final class VirtualClock implements Clock {

    private static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final Instant start;
    private final Sleeper sleeper = this::advance;

    /** A clock at zero, showing 2026-01-01T00:00:00Z. */
    public VirtualClock() {
        this(DEFAULT_START);
    }

    /**
     * A clock at zero showing the given wall time.
     *
     * @param start the wall time at zero
     */
    public VirtualClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos.get());
    }

    /**
     * Moves time forward.
     *
     * @param duration how far, not negative
     * @throws IllegalArgumentException if the duration is negative
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    /**
     * A sleeper that advances this clock instead of blocking.
     *
     * @return the sleeper, never blocking and never interrupted
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Simulated time since the clock was made.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
