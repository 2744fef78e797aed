package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The immutable configuration of a {@link CircuitBreaker}. Build one with
 * {@link CircuitBreaker#builder(String)} and change a copy with {@link #toBuilder()}.
 *
 * <p>How an outcome counts: a failure that {@code ignoreIf} accepts is neither success nor failure; a
 * {@link CallNotPermittedException} (an inner policy refused, the protected service was never called)
 * is always ignored; otherwise a failure that {@code recordIf} accepts is a failure and any other is a
 * success, since the service answered. A returned value that {@code recordResult} accepts is a failure.
 * A predicate that throws is logged and the outcome counts as a failure.
 *
 * <p>Thread-safe: immutable, provided the predicates, classifier, clock and listener are.
 *
 * @param name                     the breaker's name, not blank
 * @param threshold                when a closed breaker opens; default five consecutive failures
 * @param successThreshold         probe successes in a row that close a half-open breaker, at least 1;
 *                                 default 2
 * @param permittedCallsInHalfOpen probes a half-open breaker runs at the same time, at least 1; default 1
 * @param openDuration             how long the breaker stays open before it admits a probe, positive;
 *                                 default 60 s
 * @param openDurationMultiplier   factor applied to the open duration each time a probe fails and the
 *                                 breaker re-opens without having closed, at least 1; default 1 (no backoff)
 * @param maxOpenDuration          cap on the grown open duration, at least {@code openDuration};
 *                                 default {@code openDuration}
 * @param recordIf                 which failures count as failures; default all
 * @param ignoreIf                 which failures count as nothing at all; default none
 * @param recordResult             which returned values count as failures; default none
 * @param classifier               classifies failures for {@link CircuitBreaker#executeOutcome(Call)};
 *                                 default {@link ErrorClassifier#defaults()}
 * @param clock                    the source of time; default {@link Clock#system()}
 * @param listener                 receives every {@link CircuitBreakerEvent}; default none
 * @param writableStackTrace       whether rejections fill in a stack trace; default {@code false}
 */
public record CircuitBreakerConfig(
        String name,
        CircuitBreakerThreshold threshold,
        int successThreshold,
        int permittedCallsInHalfOpen,
        Duration openDuration,
        double openDurationMultiplier,
        Duration maxOpenDuration,
        Predicate<? super Throwable> recordIf,
        Predicate<? super Throwable> ignoreIf,
        Predicate<Object> recordResult,
        ErrorClassifier classifier,
        Clock clock,
        Consumer<? super CircuitBreakerEvent> listener,
        boolean writableStackTrace) {

    /** Default probe successes that close a half-open breaker. */
    public static final int DEFAULT_SUCCESS_THRESHOLD = 2;
    /** Default number of probes a half-open breaker runs at once. */
    public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN = 1;
    /** Default open duration. */
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(60);

    static final Predicate<Throwable> RECORD_ALL = failure -> true;
    static final Predicate<Throwable> IGNORE_NONE = failure -> false;
    static final Predicate<Object> NO_FAILED_RESULT = result -> false;
    static final Consumer<CircuitBreakerEvent> NO_LISTENER = event -> { };

    /**
     * Checks every component.
     *
     * @throws IllegalArgumentException naming the first parameter out of range
     * @throws NullPointerException     naming the first missing component
     */
    public CircuitBreakerConfig {
        Checks.name(name, "name");
        Objects.requireNonNull(threshold, "threshold");
        Checks.atLeastOne(successThreshold, "successThreshold");
        Checks.atLeastOne(permittedCallsInHalfOpen, "permittedCallsInHalfOpen");
        Checks.positive(openDuration, "openDuration");
        if (!(openDurationMultiplier >= 1.0 && openDurationMultiplier < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "openDurationMultiplier must be at least 1 and finite, was " + openDurationMultiplier);
        }
        Checks.positive(maxOpenDuration, "maxOpenDuration");
        if (maxOpenDuration.compareTo(openDuration) < 0) {
            throw new IllegalArgumentException("maxOpenDuration must be at least openDuration (" + openDuration
                    + "), was " + maxOpenDuration);
        }
        Objects.requireNonNull(recordIf, "recordIf");
        Objects.requireNonNull(ignoreIf, "ignoreIf");
        Objects.requireNonNull(recordResult, "recordResult");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
    }

    /** The open duration after {@code reopens} re-opens in a row, grown by the backoff and capped. */
    long openNanosAfter(int reopens) {
        long base = saturatedNanos(openDuration);
        if (reopens == 0 || openDurationMultiplier == 1.0) {
            return base;
        }
        long max = saturatedNanos(maxOpenDuration);
        double grown = base * Math.pow(openDurationMultiplier, reopens);
        return grown >= max ? max : (long) grown;
    }

    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A builder that starts from this configuration.
     *
     * @return a new builder; changing it leaves this configuration as it is
     */
    public CircuitBreakerBuilder toBuilder() {
        return new CircuitBreakerBuilder(this);
    }
}
