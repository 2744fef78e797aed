package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Stops calling a failing service for a while, then lets a few probe calls decide whether it has
 * recovered. See {@link CircuitState} for the states and {@link CircuitBreakerConfig} for the settings
 * and their defaults: {@code CircuitBreaker.builder("comfyui").build()} opens after five consecutive
 * failures, stays open 60 s, then admits one probe at a time and closes after two probe successes.
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.builder("wan-720p")
 *         .failureRateThreshold(50).minimumCalls(3).slidingWindow(Duration.ofMinutes(10), 10)
 *         .slowCallThreshold(Duration.ofMinutes(8), 80)
 *         .build();
 * Clip clip = breaker.execute(() -> backend.render(shot));
 * }</pre>
 *
 * <p>Besides {@link #execute} and {@link #executeOutcome}, a breaker offers a manual protocol for
 * composition and asynchronous calls: ask for permission, run the call, then resolve the permission
 * exactly once by reporting one outcome or handing it back. The permit form ({@link #acquirePermit()}
 * and the {@code onPermit*} methods) ties each outcome to the state period it was admitted in, so the
 * result of a call admitted before the breaker last changed state never counts as a probe or opens the
 * breaker again; prefer it for calls that may run long. The boolean form ({@link #tryAcquirePermission()},
 * {@link #onSuccess}, ...) applies each outcome to the current period: while half-open, a report is
 * taken for one of the running probes.
 *
 * <p>Half-open, at most {@code permittedCallsInHalfOpen} probes run at once, counting probes admitted
 * by earlier half-open periods that have not reported yet. A permission that is never resolved
 * therefore keeps its probe slot until {@link #reset()}.
 *
 * <p>Open turns into half-open lazily, on the first permission request after the open duration, so
 * {@link #state()} may still say {@link CircuitState#OPEN} when a probe would already be admitted.
 *
 * <p>Thread-safe and lock-free. While closed, asking for permission and reporting a success allocate
 * nothing (events are built only for a registered listener): in consecutive mode that is one volatile
 * read on each side and one counter increment; the failure-rate mode adds a clock reading and one
 * compare-and-set on a preallocated window bucket.
 */
public interface CircuitBreaker {

    /** What {@link #acquirePermit()} returns when the breaker refuses. */
    long NO_PERMIT = -1L;

    /**
     * Starts a builder with every default; see {@link CircuitBreakerConfig}.
     *
     * @param name the breaker's name, used in events, exceptions and logs
     * @return a new builder
     */
    static CircuitBreakerBuilder builder(String name) {
        return new CircuitBreakerBuilder(name);
    }

    /**
     * Creates a closed breaker.
     *
     * @param config the configuration
     * @return a new breaker
     */
    static CircuitBreaker of(CircuitBreakerConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config.threshold()) {
            case CircuitBreakerThreshold.Consecutive consecutive ->
                    new CircuitBreakerConsecutiveMachine(config, consecutive);
            case CircuitBreakerThreshold.FailureRate rate -> new CircuitBreakerRateMachine(config, rate);
        };
    }

    /** @return the breaker's name */
    String name();

    /** @return the configuration it was built with */
    CircuitBreakerConfig config();

    /**
     * Runs a call if the breaker permits it and records its outcome.
     *
     * @param call the call
     * @param <T>  the result type
     * @return what the call returned
     * @throws CircuitOpenException if the breaker refused; the call did not run
     * @throws CallFailedException  wrapping a checked exception the call threw; unchecked exceptions and
     *                              errors propagate unchanged
     */
    <T> T execute(Call<T> call);

    /**
     * Runs a call if the breaker permits it, records its outcome and returns it as a value; nothing is
     * thrown for a refusal or a failure. Failures are classified by the configured classifier.
     * An interrupted call's interrupt flag is restored.
     *
     * @param call the call
     * @param <T>  the result type
     * @return {@link Outcome.Success}, {@link Outcome.Failure}, or {@link Outcome.Rejected} carrying a
     *         {@link CircuitOpenException}
     */
    <T> Outcome<T> executeOutcome(Call<T> call);

    /**
     * Asks for permission to make one call; when granted, exactly one of {@link #onSuccess},
     * {@link #onResult}, {@link #onFailure} or {@link #releasePermission()} must follow. A refusal is
     * counted and published.
     *
     * @return whether the call may run
     */
    boolean tryAcquirePermission();

    /**
     * Reports that a permitted call succeeded.
     *
     * @param durationNanos how long it took; only the failure-rate mode reads it, to spot slow calls
     */
    void onSuccess(long durationNanos);

    /**
     * Reports that a permitted call returned a value, which counts as a failure if the configured
     * {@code recordResult} predicate says so, else as a success.
     *
     * @param durationNanos how long it took
     * @param result        the value, possibly {@code null}
     */
    void onResult(long durationNanos, Object result);

    /**
     * Reports that a permitted call failed; the configured predicates decide how it counts.
     *
     * @param durationNanos how long it took
     * @param failure       what it threw
     */
    void onFailure(long durationNanos, Throwable failure);

    /** Hands back a permission whose call was never made; nothing is counted. */
    void releasePermission();

    /**
     * Asks for permission to make one call, like {@link #tryAcquirePermission()}, returning a permit
     * that ties the outcome to the state period the call was admitted in. Exactly one of
     * {@link #onPermitSuccess}, {@link #onPermitResult}, {@link #onPermitFailure} or
     * {@link #releasePermit} must follow with it. Allocates nothing.
     *
     * @return a permit, never negative, or {@link #NO_PERMIT}
     */
    long acquirePermit();

    /**
     * Reports that a call succeeded. An outcome whose permit is from an earlier state period only
     * updates {@link #statistics()}.
     *
     * @param permit        the permit from {@link #acquirePermit()}
     * @param durationNanos how long the call took
     */
    void onPermitSuccess(long permit, long durationNanos);

    /**
     * Reports that a call returned a value; see {@link #onResult}.
     *
     * @param permit        the permit from {@link #acquirePermit()}
     * @param durationNanos how long the call took
     * @param result        the value, possibly {@code null}
     */
    void onPermitResult(long permit, long durationNanos, Object result);

    /**
     * Reports that a call failed; see {@link #onFailure}.
     *
     * @param permit        the permit from {@link #acquirePermit()}
     * @param durationNanos how long the call took
     * @param failure       what it threw
     */
    void onPermitFailure(long permit, long durationNanos, Throwable failure);

    /**
     * Hands back a permit whose call was never made; nothing is counted.
     *
     * @param permit the permit from {@link #acquirePermit()}
     */
    void releasePermit(long permit);

    /**
     * Runs an asynchronous call under this breaker: takes a permit, starts the call, and reports its
     * completion with the duration measured on the configured clock. Blocks no thread.
     *
     * @param supplier starts the call and returns its stage
     * @param <T>      the result type
     * @return the call's stage, or a failed one with {@link CircuitOpenException} when not permitted
     */
    default <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        long permit = acquirePermit();
        if (permit == NO_PERMIT) {
            return CompletableFuture.failedFuture(rejection());
        }
        Clock clock = config().clock();
        long start = clock.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = supplier.get();
        } catch (RuntimeException | Error e) {
            onPermitFailure(permit, clock.nanoTime() - start, e);
            throw e;
        }
        return stage.whenComplete((value, failure) -> {
            long duration = clock.nanoTime() - start;
            if (failure == null) {
                onPermitResult(permit, duration, value);
            } else {
                onPermitFailure(permit, duration, DefaultErrorClassifier.unwrap(failure));
            }
        });
    }

    /**
     * A new exception describing a refusal now, for callers of the manual protocol that throw; its
     * stack trace is filled in only if the configuration says so.
     *
     * @return the exception, naming this breaker and the remaining open time
     */
    CircuitOpenException rejection();

    /** @return the current state; see the note on lazy half-open above */
    CircuitState state();

    /**
     * How long until the breaker admits a probe: the rest of the open duration while open, zero while
     * closed or half-open, and {@code Duration.ofNanos(Long.MAX_VALUE)} (about 292 years) while isolated.
     *
     * @return the remaining open time, never negative
     */
    Duration remainingOpenTime();

    /** @return the state, rates and counts at this moment */
    CircuitBreakerSnapshot snapshot();

    /** @return lifetime totals */
    CircuitBreakerStatistics statistics();

    /**
     * Forces the breaker open until {@link #reset()}: every call is refused, and probes never run.
     * Results of calls already running are counted in the statistics only.
     */
    void isolate();

    /**
     * Opens the breaker now, from any state, for the configured open duration, after which it
     * half-opens as usual. The open-duration backoff starts over.
     */
    void open();

    /**
     * Returns the breaker to closed, from any state, with its window, consecutive count and
     * open-duration backoff cleared. Results of calls already running count in the statistics only.
     */
    void reset();
}
