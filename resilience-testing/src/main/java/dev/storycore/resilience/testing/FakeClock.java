package dev.storycore.resilience.testing;

import dev.storycore.resilience.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Monotonic time and wall time advance together.
 *
 * <p>Thread-safe: readings and advances are atomic.
 */
public final class FakeClock implements Clock {

    private static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final Instant start;

    /** A clock at monotonic time zero and wall time 2026-01-01T00:00:00Z. */
    public FakeClock() {
        this(DEFAULT_START);
    }

    /**
     * A clock at monotonic time zero and the given wall time.
     *
     * @param start the wall time at monotonic zero
     */
    public FakeClock(Instant start) {
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
     * @param duration how far; must not be negative
     * @return this clock
     */
    public FakeClock advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        nanos.addAndGet(duration.toNanos());
        return this;
    }

    /**
     * Moves time forward by milliseconds.
     *
     * @param millis how far
     * @return this clock
     */
    public FakeClock advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /**
     * How much time has passed since this clock was made.
     *
     * @return the elapsed fake time
     */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
