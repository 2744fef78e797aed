package dev.storycore.cli;

import dev.storycore.resilience.RandomSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded, thread-safe random source (SplitMix64 over one atomic counter), so the backoff jitter of a
 * run repeats with its {@code --seed}.
 */
final class SeededRandom implements RandomSource {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final AtomicLong state;

    SeededRandom(long seed) {
        this.state = new AtomicLong(seed);
    }

    @Override
    public double nextDouble() {
        long z = state.addAndGet(GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
