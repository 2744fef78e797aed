package dev.storycore.generation.workflow;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when someone sleeps on it or advances it: backoff waits and breaker open
 * durations cost no real time, so a run against the GPU simulator takes seconds however long its
 * virtual jobs last. Sleeping advances the shared clock by the duration and returns at once; an
 * interrupted thread still gets its {@link InterruptedException}, so cancelling a run works.
 *
 * <p>Concurrent sleepers each add their own duration, so with several threads the clock runs ahead
 * of any single thread's view of time; breakers and analytics only need it to be monotonic.
 *
 * <p>Thread-safe and lock-free.
 */
public final class VirtualTime implements Clock, Sleeper {

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong();

    /**
     * A virtual clock starting at the given instant.
     *
     * @param origin the instant at nanoTime 0
     */
    public VirtualTime(Instant origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A virtual clock starting at 2025-01-01T00:00:00Z, so reports from a seed repeat exactly. */
    public VirtualTime() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.get());
    }

    /**
     * Moves the clock forward without a sleeper, as a simulated job does when it runs.
     *
     * @param duration how far, not negative
     * @throws IllegalArgumentException if the duration is negative
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        nanos.addAndGet(saturatedNanos(duration));
    }

    /**
     * Advances the clock by the duration and returns at once.
     *
     * @param duration how long
     * @throws InterruptedException if the calling thread is interrupted
     */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("virtual sleep interrupted");
        }
        advance(duration);
    }

    /**
     * The time passed since the origin.
     *
     * @return the elapsed virtual time
     */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
