package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the wait before each retry from a {@link Backoff}, a {@link Jitter} and a
 * {@link RandomSource}, in nanoseconds, following the table in {@link Jitter}. The durations are
 * converted once here so a retry does arithmetic on longs only.
 *
 * <p>Immutable and thread-safe as long as the random source is.
 */
final class BackoffDelays {

    private final Jitter jitter;
    private final RandomSource random;
    private final long initialNanos;
    private final double factor;
    private final long maxNanos;

    BackoffDelays(Backoff backoff, Jitter jitter, RandomSource random) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.random = Objects.requireNonNull(random, "random");
        this.initialNanos = saturatedNanos(backoff.initialDelay());
        this.maxNanos = saturatedNanos(backoff.maxDelay());
        this.factor = switch (backoff) {
            case Backoff.Fixed fixed -> 1.0;
            case Backoff.Exponential exponential -> exponential.factor();
        };
    }

    /** The wait before the first retry as seen by decorrelated jitter: the initial delay. */
    long initialNanos() {
        return initialNanos;
    }

    /**
     * The jittered wait before a retry.
     *
     * @param retry          the retry number, from 1
     * @param previousNanos  the previous wait, or the initial delay before the first retry
     * @return the wait in {@code [0, max]}
     */
    long nextNanos(int retry, long previousNanos) {
        long base = exponentialNanos(initialNanos, factor, maxNanos, retry);
        return switch (jitter) {
            case Jitter.None none -> base;
            case Jitter.Proportional proportional ->
                    capped(base * (1.0 + proportional.factor() * (2.0 * random.nextDouble() - 1.0)));
            case Jitter.Full full -> capped(base * random.nextDouble());
            case Jitter.Decorrelated decorrelated -> {
                double previous = Math.max(previousNanos, initialNanos);
                yield capped(initialNanos + random.nextDouble() * (3.0 * previous - initialNanos));
            }
        };
    }

    /**
     * A wait asked for by the call itself ({@code Retry-After}), held in {@code [0, max]}.
     *
     * @param requested the requested wait, if any
     * @return the capped wait, or {@code -1} when nothing was requested
     */
    long requestedNanos(Optional<Duration> requested) {
        Objects.requireNonNull(requested, "delayFrom returned null instead of Optional.empty()");
        if (requested.isEmpty()) {
            return -1;
        }
        Duration delay = requested.get();
        return delay.isNegative() ? 0 : Math.min(saturatedNanos(delay), maxNanos);
    }

    private long capped(double nanos) {
        if (!(nanos > 0.0)) {
            return 0;
        }
        return nanos >= maxNanos ? maxNanos : Math.min(Math.round(nanos), maxNanos);
    }

    static long exponentialNanos(long initialNanos, double factor, long maxNanos, int retry) {
        if (factor == 1.0) {
            return initialNanos;
        }
        double nanos = initialNanos * Math.pow(factor, retry - 1);
        return nanos >= maxNanos ? maxNanos : Math.round(nanos);
    }

    /** A duration in nanoseconds, or {@link Long#MAX_VALUE} if it is longer than 292 years. */
    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
