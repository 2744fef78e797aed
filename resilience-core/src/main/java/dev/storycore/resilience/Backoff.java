package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.time.Duration;

/**
 * How long a retry waits before each new attempt, before {@link Jitter} is applied. Retry {@code n}
 * (the wait after attempt {@code n} failed, {@code n >= 1}) has the base delay {@link #baseDelay(int)}.
 * Every wait, jittered or taken from a {@code Retry-After}, is capped at {@link #maxDelay()}.
 *
 * <p>Values are immutable and thread-safe; they check their arguments on construction and throw
 * {@link IllegalArgumentException} naming the bad parameter.
 */
public sealed interface Backoff permits Backoff.Fixed, Backoff.Exponential {

    /** The default first delay of {@link #exponential()}: one second. */
    Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);

    /** The default growth factor of {@link #exponential()}: each delay doubles. */
    double DEFAULT_FACTOR = 2.0;

    /** The default cap on every delay: one minute. */
    Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(1);

    /**
     * The same delay before every retry.
     *
     * @param delay    the delay; zero retries at once
     * @param maxDelay the cap on jittered and {@code Retry-After} delays; at least {@code delay}
     */
    record Fixed(Duration delay, Duration maxDelay) implements Backoff {
        /**
         * Checks the arguments.
         *
         * @throws IllegalArgumentException if {@code delay} is negative, {@code maxDelay} is not
         *                                  positive, or {@code delay > maxDelay}
         */
        public Fixed {
            Checks.notNegative(delay, "delay");
            Checks.positive(maxDelay, "maxDelay");
            requireNotAbove(delay, maxDelay, "delay");
        }

        @Override
        public Duration initialDelay() {
            return delay;
        }

        @Override
        public Duration baseDelay(int retry) {
            Checks.atLeastOne(retry, "retry");
            return delay;
        }
    }

    /**
     * Delays that grow geometrically: {@code min(maxDelay, initialDelay × factor^(n-1))} before retry n.
     *
     * @param initialDelay the delay before the first retry
     * @param factor       the growth factor, at least 1 and finite
     * @param maxDelay     the cap on every delay; at least {@code initialDelay}
     */
    record Exponential(Duration initialDelay, double factor, Duration maxDelay) implements Backoff {
        /**
         * Checks the arguments.
         *
         * @throws IllegalArgumentException if a duration is not positive, {@code factor} is below 1,
         *                                  infinite or NaN, or {@code initialDelay > maxDelay}
         */
        public Exponential {
            Checks.positive(initialDelay, "initialDelay");
            Checks.positive(maxDelay, "maxDelay");
            if (!(factor >= 1.0 && factor < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("factor must be at least 1.0 and finite, was " + factor);
            }
            requireNotAbove(initialDelay, maxDelay, "initialDelay");
        }

        @Override
        public Duration baseDelay(int retry) {
            Checks.atLeastOne(retry, "retry");
            return Duration.ofNanos(BackoffDelays.exponentialNanos(
                    BackoffDelays.saturatedNanos(initialDelay), factor, BackoffDelays.saturatedNanos(maxDelay), retry));
        }
    }

    /**
     * A fixed delay, capped at {@link #DEFAULT_MAX_DELAY} or at the delay itself if that is longer.
     *
     * @param delay the delay before every retry, zero or more
     * @return the backoff
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    static Fixed fixed(Duration delay) {
        Checks.notNegative(delay, "delay");
        return new Fixed(delay, delay.compareTo(DEFAULT_MAX_DELAY) > 0 ? delay : DEFAULT_MAX_DELAY);
    }

    /**
     * The default backoff: 1 s, doubling, capped at 60 s (1, 2, 4, 8, 16, 32, 60, 60 … seconds).
     *
     * @return the backoff
     */
    static Exponential exponential() {
        return new Exponential(DEFAULT_INITIAL_DELAY, DEFAULT_FACTOR, DEFAULT_MAX_DELAY);
    }

    /**
     * An exponential backoff.
     *
     * @param initialDelay the delay before the first retry, positive
     * @param factor       the growth factor, at least 1
     * @param maxDelay     the cap, at least {@code initialDelay}
     * @return the backoff
     * @throws IllegalArgumentException as {@link Exponential#Exponential}
     */
    static Exponential exponential(Duration initialDelay, double factor, Duration maxDelay) {
        return new Exponential(initialDelay, factor, maxDelay);
    }

    /**
     * The delay before the first retry; decorrelated jitter never goes below it.
     *
     * @return the first base delay
     */
    Duration initialDelay();

    /**
     * The cap on every delay.
     *
     * @return the maximum delay
     */
    Duration maxDelay();

    /**
     * The delay before retry {@code retry}, before jitter.
     *
     * @param retry the retry number, 1 for the wait after the first attempt
     * @return the base delay, never above {@link #maxDelay()}
     * @throws IllegalArgumentException if {@code retry < 1}
     */
    Duration baseDelay(int retry);

    private static void requireNotAbove(Duration value, Duration maxDelay, String name) {
        if (value.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException(name + " must not exceed maxDelay " + maxDelay + ", was " + value);
        }
    }
}
