package dev.storycore.resilience;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Uniform random numbers for jitter. Only {@link #system()} uses real randomness, so tests can fix the
 * sequence.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RandomSource {

    /**
     * A uniformly distributed value in {@code [0, 1)}.
     *
     * @return the next value
     */
    double nextDouble();

    /**
     * Real randomness from {@link ThreadLocalRandom}; allocation-free and uncontended.
     *
     * @return the system random source, a shared stateless instance
     */
    static RandomSource system() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }
}
