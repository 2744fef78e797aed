package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerThreshold.Consecutive;
import dev.storycore.resilience.CircuitBreakerThreshold.FailureRate;
import dev.storycore.resilience.internal.Listeners;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds a {@link CircuitBreaker} or its {@link CircuitBreakerConfig}. Every setting has a default
 * (see {@link CircuitBreakerConfig}); values are checked by {@link #build()}, which throws
 * {@link IllegalArgumentException} naming the parameter.
 *
 * <p>The breaker counts consecutive failures unless a failure-rate setting
 * ({@link #failureRateThreshold}, {@link #minimumCalls}, {@link #slidingWindow}, {@link #slowCallThreshold})
 * is given, which selects the failure-rate mode; combining that with {@link #failureThreshold} is an error.
 *
 * <p>Not thread-safe; build on one thread, then share what it builds.
 */
public final class CircuitBreakerBuilder {

    private String name;
    private int failureThreshold = Consecutive.DEFAULT_FAILURE_THRESHOLD;
    private boolean failureThresholdSet;
    private boolean rateMode;
    private double failureRateThreshold = FailureRate.DEFAULT_FAILURE_RATE_THRESHOLD;
    private int minimumCalls = FailureRate.DEFAULT_MINIMUM_CALLS;
    private Duration slidingWindow = FailureRate.DEFAULT_SLIDING_WINDOW;
    private int windowBuckets = FailureRate.DEFAULT_WINDOW_BUCKETS;
    private Duration slowCallDuration = FailureRate.NEVER_SLOW;
    private double slowCallRateThreshold = FailureRate.DEFAULT_SLOW_CALL_RATE_THRESHOLD;
    private int successThreshold = CircuitBreakerConfig.DEFAULT_SUCCESS_THRESHOLD;
    private int permittedCallsInHalfOpen = CircuitBreakerConfig.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN;
    private Duration openDuration = CircuitBreakerConfig.DEFAULT_OPEN_DURATION;
    private double openDurationMultiplier = 1.0;
    private Duration maxOpenDuration;
    private Predicate<? super Throwable> recordIf = CircuitBreakerConfig.RECORD_ALL;
    private Predicate<? super Throwable> ignoreIf = CircuitBreakerConfig.IGNORE_NONE;
    private Predicate<Object> recordResult = CircuitBreakerConfig.NO_FAILED_RESULT;
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private Clock clock = Clock.system();
    private Consumer<? super CircuitBreakerEvent> listener = CircuitBreakerConfig.NO_LISTENER;
    private boolean writableStackTrace;

    CircuitBreakerBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    CircuitBreakerBuilder(CircuitBreakerConfig config) {
        name = config.name();
        switch (config.threshold()) {
            case Consecutive consecutive -> failureThreshold = consecutive.failureThreshold();
            case FailureRate rate -> {
                rateMode = true;
                failureRateThreshold = rate.failureRateThreshold();
                minimumCalls = rate.minimumCalls();
                slidingWindow = rate.slidingWindow();
                windowBuckets = rate.windowBuckets();
                slowCallDuration = rate.slowCallDuration();
                slowCallRateThreshold = rate.slowCallRateThreshold();
            }
        }
        successThreshold = config.successThreshold();
        permittedCallsInHalfOpen = config.permittedCallsInHalfOpen();
        openDuration = config.openDuration();
        openDurationMultiplier = config.openDurationMultiplier();
        // Without backoff the cap merely equals the open duration; leave it to follow a new open duration.
        maxOpenDuration = config.openDurationMultiplier() == 1.0 ? null : config.maxOpenDuration();
        recordIf = config.recordIf();
        ignoreIf = config.ignoreIf();
        recordResult = config.recordResult();
        classifier = config.classifier();
        clock = config.clock();
        listener = config.listener();
        writableStackTrace = config.writableStackTrace();
    }

    /**
     * Renames the breaker; useful when one template configures several.
     *
     * @param name the new name, not blank
     * @return this builder
     */
    public CircuitBreakerBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Consecutive recorded failures that open the breaker (consecutive mode); default 5.
     *
     * @param consecutiveFailures at least 1
     * @return this builder
     */
    public CircuitBreakerBuilder failureThreshold(int consecutiveFailures) {
        this.failureThreshold = consecutiveFailures;
        this.failureThresholdSet = true;
        return this;
    }

    /**
     * Failure percentage in (0, 100] that opens the breaker; selects failure-rate mode; default 50.
     *
     * @param percent in (0, 100]
     * @return this builder
     */
    public CircuitBreakerBuilder failureRateThreshold(double percent) {
        this.failureRateThreshold = percent;
        this.rateMode = true;
        return this;
    }

    /**
     * Calls the window must hold before its rates are judged; selects failure-rate mode; default 5.
     *
     * @param minimumCalls at least 1
     * @return this builder
     */
    public CircuitBreakerBuilder minimumCalls(int minimumCalls) {
        this.minimumCalls = minimumCalls;
        this.rateMode = true;
        return this;
    }

    /**
     * The time window over which rates are measured; selects failure-rate mode.
     *
     * @param length  the window's length; default 60 s
     * @param buckets how many buckets it is split into, which sets how finely calls expire; default 10
     * @return this builder
     */
    public CircuitBreakerBuilder slidingWindow(Duration length, int buckets) {
        this.slidingWindow = Objects.requireNonNull(length, "slidingWindow");
        this.windowBuckets = buckets;
        this.rateMode = true;
        return this;
    }

    /**
     * Makes long calls count toward opening even when they succeed; selects failure-rate mode. While
     * half-open, a slow probe counts as a failed one and re-opens the breaker.
     *
     * @param slowCallDuration      a call this long or longer is slow; default: none is
     * @param slowCallRateThreshold the slow percentage in (0, 100] that opens the breaker; default 100
     * @return this builder
     */
    public CircuitBreakerBuilder slowCallThreshold(Duration slowCallDuration, double slowCallRateThreshold) {
        this.slowCallDuration = Objects.requireNonNull(slowCallDuration, "slowCallDuration");
        this.slowCallRateThreshold = slowCallRateThreshold;
        this.rateMode = true;
        return this;
    }

    /**
     * Probe successes in a row that close a half-open breaker; default 2.
     *
     * @param successThreshold at least 1
     * @return this builder
     */
    public CircuitBreakerBuilder successThreshold(int successThreshold) {
        this.successThreshold = successThreshold;
        return this;
    }

    /**
     * Probes a half-open breaker runs at the same time; default 1.
     *
     * @param permittedCalls at least 1
     * @return this builder
     */
    public CircuitBreakerBuilder permittedCallsInHalfOpen(int permittedCalls) {
        this.permittedCallsInHalfOpen = permittedCalls;
        return this;
    }

    /**
     * How long the breaker stays open before it admits a probe; default 60 s.
     *
     * @param openDuration positive
     * @return this builder
     */
    public CircuitBreakerBuilder openDuration(Duration openDuration) {
        this.openDuration = Objects.requireNonNull(openDuration, "openDuration");
        return this;
    }

    /**
     * Grows the open duration each time a probe fails: the n-th re-open in a row without closing waits
     * {@code openDuration × multiplier^n}, at most {@code maxOpenDuration}. Closing or
     * {@link CircuitBreaker#reset()} starts over. Default: no growth.
     *
     * @param multiplier      at least 1
     * @param maxOpenDuration the cap, at least the open duration
     * @return this builder
     */
    public CircuitBreakerBuilder openDurationBackoff(double multiplier, Duration maxOpenDuration) {
        this.openDurationMultiplier = multiplier;
        this.maxOpenDuration = Objects.requireNonNull(maxOpenDuration, "maxOpenDuration");
        return this;
    }

    /**
     * Which failures count as failures; others count as successes; default all.
     *
     * @param recordIf true for a failure that counts
     * @return this builder
     */
    public CircuitBreakerBuilder recordIf(Predicate<? super Throwable> recordIf) {
        this.recordIf = Objects.requireNonNull(recordIf, "recordIf");
        return this;
    }

    /**
     * Which failures count as neither success nor failure; wins over recordIf; default none.
     *
     * @param ignoreIf true for a failure to ignore
     * @return this builder
     */
    public CircuitBreakerBuilder ignoreIf(Predicate<? super Throwable> ignoreIf) {
        this.ignoreIf = Objects.requireNonNull(ignoreIf, "ignoreIf");
        return this;
    }

    /**
     * Which returned values count as failures (the caller still gets them); default none.
     *
     * @param recordResult true for a returned value that counts as a failure; it may receive {@code null}
     * @return this builder
     */
    public CircuitBreakerBuilder recordResult(Predicate<Object> recordResult) {
        this.recordResult = Objects.requireNonNull(recordResult, "recordResult");
        return this;
    }

    /**
     * Classifies failures for executeOutcome; default {@link ErrorClassifier#defaults()}.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public CircuitBreakerBuilder classifier(ErrorClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    /**
     * The source of time; default {@link Clock#system()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public CircuitBreakerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Adds a listener; several are called in the order added. A listener that throws is logged and
     * never disturbs the call or the other listeners.
     *
     * @param listener receives every event, on the thread that caused it
     * @return this builder
     */
    public CircuitBreakerBuilder listener(Consumer<? super CircuitBreakerEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        Consumer<? super CircuitBreakerEvent> previous = this.listener;
        this.listener = previous == CircuitBreakerConfig.NO_LISTENER ? listener
                : (Consumer<CircuitBreakerEvent>) event -> {
                    Listeners.deliver(previous, event);
                    Listeners.deliver(listener, event);
                };
        return this;
    }

    /**
     * Whether rejections fill in a stack trace (costly); default {@code false}.
     *
     * @param writableStackTrace {@code true} to fill in stack traces
     * @return this builder
     */
    public CircuitBreakerBuilder writableStackTrace(boolean writableStackTrace) {
        this.writableStackTrace = writableStackTrace;
        return this;
    }

    /**
     * Checks the settings and makes the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first parameter out of range, or when consecutive and
     *                                  failure-rate settings are mixed
     */
    public CircuitBreakerConfig toConfig() {
        if (rateMode && failureThresholdSet) {
            throw new IllegalArgumentException("failureThreshold counts consecutive failures and cannot be "
                    + "combined with failure-rate settings (failureRateThreshold, minimumCalls, slidingWindow, "
                    + "slowCallThreshold)");
        }
        CircuitBreakerThreshold threshold = rateMode
                ? new FailureRate(failureRateThreshold, minimumCalls, slidingWindow, windowBuckets,
                        slowCallDuration, slowCallRateThreshold)
                : new Consecutive(failureThreshold);
        return new CircuitBreakerConfig(name, threshold, successThreshold, permittedCallsInHalfOpen, openDuration,
                openDurationMultiplier, maxOpenDuration == null ? openDuration : maxOpenDuration, recordIf,
                ignoreIf, recordResult, classifier, clock, listener, writableStackTrace);
    }

    /**
     * Checks the settings and makes the breaker.
     *
     * @return a new breaker, closed
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public CircuitBreaker build() {
        return CircuitBreaker.of(toConfig());
    }
}
