package dev.storycore.resilience.testing;

import dev.storycore.resilience.RandomSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A random source that returns fixed values in a cycle, so jittered delays are predictable.
 *
 * <p>Thread-safe.
 */
public final class SequenceRandom implements RandomSource {

    private final double[] values;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Creates the source.
     *
     * @param values the values to return in turn, each in {@code [0, 1)}
     */
    public SequenceRandom(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        for (double value : values) {
            if (!(value >= 0.0 && value < 1.0)) {
                throw new IllegalArgumentException("values must be in [0, 1), was " + value);
            }
        }
        this.values = values.clone();
    }

    /**
     * A source that always returns the same value.
     *
     * @param value the value, in {@code [0, 1)}
     * @return the source
     */
    public static SequenceRandom constant(double value) {
        return new SequenceRandom(value);
    }

    @Override
    public double nextDouble() {
        return values[Math.floorMod(next.getAndIncrement(), values.length)];
    }
}
