package dev.storycore.resilience;

import java.time.Instant;

/** The real clock. Stateless and thread-safe. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
