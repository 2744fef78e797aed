package dev.storycore.resilience;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Composes policies in one documented order, outermost first:
 *
 * <pre>
 *   fallback chain → retry → circuit breaker → bulkhead → timeout → call
 * </pre>
 *
 * <p>Every policy is optional. With {@link Builder#retryAsOneBreakerOutcome(boolean)} the breaker moves
 * outside the retry ({@code breaker → retry → bulkhead → timeout}), so a whole retry sequence counts as
 * one outcome for the breaker instead of every attempt counting (Resilience4j issue #2383).
 *
 * <p>The order is fixed, whatever order the builder methods are called in: a retry outside the breaker
 * sees {@link CircuitOpenException} as a non-retryable rejection (unless the retry is told otherwise),
 * a timeout inside the bulkhead limits only the call, not the wait for a permit, and a fallback chain
 * outermost runs each of its levels through all the other policies.
 *
 * <p>A call that succeeds at once through retry and circuit breaker allocates nothing: the pipeline
 * hands the caller's call down through layers built once, instead of nesting a lambda per policy and
 * call (see docs/benchmarks.md for the measured cost).
 *
 * <p>Thread-safe and immutable; the policies keep their own state and statistics.
 */
public final class ResiliencePipeline {

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Timeout timeout;
    private final boolean retryAsOneBreakerOutcome;
    private final ErrorClassifier classifier;
    private final ResiliencePipelineLayer layers;
    private final FallbackChain.LevelInvoker invoker = new FallbackChain.LevelInvoker() {
        @Override
        public <T> T invoke(Call<T> call) {
            return execute(call);
        }
    };

    private ResiliencePipeline(Builder builder) {
        this.retry = builder.retry;
        this.circuitBreaker = builder.circuitBreaker;
        this.bulkhead = builder.bulkhead;
        this.timeout = builder.timeout;
        this.retryAsOneBreakerOutcome = builder.retryAsOneBreakerOutcome;
        this.classifier = builder.classifier;
        this.layers = ResiliencePipelineLayer.of(retry, circuitBreaker, bulkhead, timeout, retryAsOneBreakerOutcome);
    }

    /**
     * Starts an empty pipeline; a pipeline without policies just runs the call.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a call through every policy.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the call's result
     * @throws CallNotPermittedException when the breaker is open or the bulkhead full
     * @throws RetriesExhaustedException when every attempt failed
     * @throws TimeoutExceededException  when the call ran too long (and was not retried)
     */
    public <T> T execute(Call<T> call) {
        return layers.run(Objects.requireNonNull(call, "call"));
    }

    /**
     * Runs a call through every policy; never throws for the call's failure or a rejection.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the outcome
     */
    public <T> Outcome<T> executeOutcome(Call<T> call) {
        try {
            return new Outcome.Success<>(execute(call));
        } catch (CallNotPermittedException rejection) {
            return new Outcome.Rejected<>(rejection);
        } catch (RuntimeException failure) {
            return new Outcome.Failure<>(failure, classifier.classify(failure));
        }
    }

    /**
     * Runs a fallback chain outermost: each level, given the original input, runs through every other
     * policy of this pipeline until one delivers.
     *
     * @param input the original input
     * @param chain the levels
     * @param <I>   the input type
     * @param <O>   the output type
     * @return the first level's result that did not fail, with its level
     * @throws FallbackChainExhaustedException when every level failed
     */
    public <I, O> FallbackResult<O> execute(I input, FallbackChain<I, O> chain) {
        return Objects.requireNonNull(chain, "chain").run(input, invoker);
    }

    /**
     * Runs an asynchronous call through every policy without blocking a thread while waiting: retry
     * delays and timeouts go through the policies' schedulers.
     *
     * @param supplier starts the call and returns its stage
     * @param <T>      the result type
     * @return a stage that completes with the result or the final failure
     */
    public <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        Supplier<CompletionStage<T>> timed = () -> timeout == null ? supplier.get() : timeout.executeAsync(supplier);
        Supplier<CompletionStage<T>> limited = () -> bulkheadAsync(timed);
        if (retryAsOneBreakerOutcome) {
            return breakerAsync(() -> retry == null ? limited.get() : retry.executeAsync(limited));
        }
        Supplier<CompletionStage<T>> guarded = () -> breakerAsync(limited);
        return retry == null ? guarded.get() : retry.executeAsync(guarded);
    }

    /** The retry, if the pipeline has one. */
    public Optional<Retry> retry() {
        return Optional.ofNullable(retry);
    }

    /** The circuit breaker, if the pipeline has one. */
    public Optional<CircuitBreaker> circuitBreaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    /** The bulkhead, if the pipeline has one. */
    public Optional<Bulkhead> bulkhead() {
        return Optional.ofNullable(bulkhead);
    }

    /** The timeout, if the pipeline has one. */
    public Optional<Timeout> timeout() {
        return Optional.ofNullable(timeout);
    }

    private <T> CompletionStage<T> breakerAsync(Supplier<? extends CompletionStage<T>> supplier) {
        if (circuitBreaker == null) {
            return supplier.get();
        }
        return circuitBreaker.executeAsync(supplier);
    }

    private <T> CompletionStage<T> bulkheadAsync(Supplier<? extends CompletionStage<T>> supplier) {
        if (bulkhead == null) {
            return supplier.get();
        }
        if (!bulkhead.tryAcquire()) {
            return CompletableFuture.failedFuture(new BulkheadFullException(bulkhead.name(),
                    bulkhead.config().maxConcurrentCalls(), bulkhead.config().writableStackTrace()));
        }
        CompletionStage<T> stage;
        try {
            stage = supplier.get();
        } catch (RuntimeException | Error e) {
            bulkhead.release();
            throw e;
        }
        return stage.whenComplete((value, failure) -> bulkhead.release());
    }

    /** Builds a {@link ResiliencePipeline}. Not thread-safe. */
    public static final class Builder {
        private Retry retry;
        private CircuitBreaker circuitBreaker;
        private Bulkhead bulkhead;
        private Timeout timeout;
        private boolean retryAsOneBreakerOutcome;
        private ErrorClassifier classifier = ErrorClassifier.defaults();

        private Builder() {
        }

        /** Adds the retry (outside the breaker by default). */
        public Builder retry(Retry value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** Adds the circuit breaker. */
        public Builder circuitBreaker(CircuitBreaker value) {
            this.circuitBreaker = Objects.requireNonNull(value, "circuitBreaker");
            return this;
        }

        /** Adds the bulkhead. */
        public Builder bulkhead(Bulkhead value) {
            this.bulkhead = Objects.requireNonNull(value, "bulkhead");
            return this;
        }

        /** Adds the timeout, innermost: it limits each attempt. */
        public Builder timeout(Timeout value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * Whether a whole retry sequence counts as one breaker outcome (breaker outside the retry).
         * Default {@code false}: every attempt counts.
         */
        public Builder retryAsOneBreakerOutcome(boolean value) {
            this.retryAsOneBreakerOutcome = value;
            return this;
        }

        /** The classifier for {@link #executeOutcome} failures; default {@link ErrorClassifier#defaults()}. */
        public Builder classifier(ErrorClassifier value) {
            this.classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        /** Builds the pipeline. */
        public ResiliencePipeline build() {
            return new ResiliencePipeline(this);
        }
    }
}
