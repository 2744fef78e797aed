package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.time.Duration;

/**
 * When a closed {@link CircuitBreaker} opens: after a number of consecutive failures, or when the
 * failure rate or slow-call rate over a time window reaches a threshold. Immutable and thread-safe.
 */
public sealed interface CircuitBreakerThreshold {

    /**
     * Opens after {@code failureThreshold} recorded failures in a row; any success clears the count.
     * Call durations play no part. The default mode, with a threshold of 5.
     *
     * @param failureThreshold consecutive failures that open the breaker, at least 1
     */
    record Consecutive(int failureThreshold) implements CircuitBreakerThreshold {

        /** Default failure threshold. */
        public static final int DEFAULT_FAILURE_THRESHOLD = 5;

        /**
         * Checks the threshold.
         *
         * @throws IllegalArgumentException naming {@code failureThreshold} if it is below 1
         */
        public Consecutive {
            Checks.atLeastOne(failureThreshold, "failureThreshold");
        }
    }

    /**
     * Opens when, over the last {@code slidingWindow}, at least {@code minimumCalls} calls were
     * recorded and either the percentage of failures reached {@code failureRateThreshold} or the
     * percentage of calls that took {@code slowCallDuration} or longer reached
     * {@code slowCallRateThreshold}. A slow call counts as slow even when it succeeds.
     *
     * <p>The window is split into {@code windowBuckets} buckets; a call leaves the window when its whole
     * bucket has aged out, so expiry is exact to one bucket's length.
     *
     * @param failureRateThreshold  failure percentage that opens the breaker, in (0, 100]; default 50
     * @param minimumCalls          calls the window must hold before a rate is judged, at least 1; default 5
     * @param slidingWindow         the window's length, positive; default 60 s
     * @param windowBuckets         buckets in the window, 1 to 1000, each at least 1 ms long; default 10
     * @param slowCallDuration      a call this long or longer is slow, positive; default: no call is slow
     * @param slowCallRateThreshold slow-call percentage that opens the breaker, in (0, 100]; default 100
     */
    record FailureRate(
            double failureRateThreshold,
            int minimumCalls,
            Duration slidingWindow,
            int windowBuckets,
            Duration slowCallDuration,
            double slowCallRateThreshold) implements CircuitBreakerThreshold {

        /** Default failure-rate threshold, in percent. */
        public static final double DEFAULT_FAILURE_RATE_THRESHOLD = 50.0;
        /** Default minimum number of calls: video calls are few and long, so a handful must suffice. */
        public static final int DEFAULT_MINIMUM_CALLS = 5;
        /** Default window length. */
        public static final Duration DEFAULT_SLIDING_WINDOW = Duration.ofSeconds(60);
        /** Default number of buckets in the window. */
        public static final int DEFAULT_WINDOW_BUCKETS = 10;
        /** Default slow-call duration: about 292 years, so that no call is slow unless configured. */
        public static final Duration NEVER_SLOW = Duration.ofNanos(Long.MAX_VALUE);
        /** Default slow-call rate threshold, in percent. */
        public static final double DEFAULT_SLOW_CALL_RATE_THRESHOLD = 100.0;

        private static final int MAX_WINDOW_BUCKETS = 1000;
        private static final Duration MIN_BUCKET = Duration.ofMillis(1);

        /**
         * Checks every parameter.
         *
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public FailureRate {
            percent(failureRateThreshold, "failureRateThreshold");
            Checks.atLeastOne(minimumCalls, "minimumCalls");
            Checks.positive(slidingWindow, "slidingWindow");
            Checks.atLeastOne(windowBuckets, "windowBuckets");
            if (windowBuckets > MAX_WINDOW_BUCKETS) {
                throw new IllegalArgumentException(
                        "windowBuckets must be at most " + MAX_WINDOW_BUCKETS + ", was " + windowBuckets);
            }
            if (slidingWindow.dividedBy(windowBuckets).compareTo(MIN_BUCKET) < 0) {
                throw new IllegalArgumentException("slidingWindow / windowBuckets must be at least 1 ms, was "
                        + slidingWindow + " / " + windowBuckets);
            }
            Checks.positive(slowCallDuration, "slowCallDuration");
            percent(slowCallRateThreshold, "slowCallRateThreshold");
        }

        /**
         * The defaults: 50 % of at least 5 calls over 60 s in 10 buckets, no slow calls.
         *
         * @return the default failure-rate threshold
         */
        public static FailureRate defaults() {
            return new FailureRate(DEFAULT_FAILURE_RATE_THRESHOLD, DEFAULT_MINIMUM_CALLS, DEFAULT_SLIDING_WINDOW,
                    DEFAULT_WINDOW_BUCKETS, NEVER_SLOW, DEFAULT_SLOW_CALL_RATE_THRESHOLD);
        }

        /**
         * Whether any call can count as slow.
         *
         * @return {@code false} when {@code slowCallDuration} is {@link #NEVER_SLOW}
         */
        public boolean detectsSlowCalls() {
            return !slowCallDuration.equals(NEVER_SLOW);
        }

        private static void percent(double value, String name) {
            if (!(value > 0.0 && value <= 100.0)) {
                throw new IllegalArgumentException(name + " must be in (0, 100], was " + value);
            }
        }
    }

    /**
     * The default mode: five consecutive failures.
     *
     * @return {@code new Consecutive(5)}
     */
    static CircuitBreakerThreshold defaults() {
        return new Consecutive(Consecutive.DEFAULT_FAILURE_THRESHOLD);
    }
}
