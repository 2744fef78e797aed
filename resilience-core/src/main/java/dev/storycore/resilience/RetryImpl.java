package dev.storycore.resilience;

import dev.storycore.resilience.internal.Listeners;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The retry policy. Implementation notes: the first attempt of {@link #execute} runs inline and, when
 * it succeeds, touches only two {@link LongAdder}s, so that path allocates nothing; everything a
 * retried call needs (attempt count, previous delay, earlier failures) lives in a
 * {@link RetryExecution} made only once the first attempt asks for a retry. The rules are copied from
 * the config into arrays and fields once, here.
 *
 * <p>Thread-safe: immutable apart from the counters.
 */
final class RetryImpl implements Retry {

    /** What the rules say about a failure. */
    enum Verdict { RETRY, FAIL, ABORT }

    private final RetryConfig config;
    private final String name;
    final int maxAttempts;
    private final BackoffDelays delays;
    private final Class<?>[] retryOn;
    private final List<Predicate<? super Throwable>> retryIf;
    private final Class<?>[] abortOn;
    private final List<Predicate<? super Throwable>> abortIf;
    private final List<Predicate<Object>> retryOnResult;
    private final boolean hasResultRules;
    private final Function<Outcome<?>, Optional<Duration>> delayFrom;
    private final ErrorClassifier classifier;
    private final Sleeper sleeper;
    final Scheduler scheduler;
    private final List<Consumer<? super RetryEvent>> listeners;
    private final boolean hasListeners;

    final LongAdder calls = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder successesWithoutRetry = new LongAdder();
    final LongAdder successesAfterRetry = new LongAdder();
    final LongAdder failuresWithoutRetry = new LongAdder();
    final LongAdder exhausted = new LongAdder();
    final LongAdder aborted = new LongAdder();
    final LongAdder cancelled = new LongAdder();

    RetryImpl(RetryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = config.name();
        this.maxAttempts = config.maxAttempts();
        this.delays = new BackoffDelays(config.backoff(), config.jitter(), config.random());
        this.retryOn = config.retryOn().toArray(new Class<?>[0]);
        this.retryIf = config.retryIf();
        this.abortOn = config.abortOn().toArray(new Class<?>[0]);
        this.abortIf = config.abortIf();
        this.retryOnResult = config.retryOnResult();
        this.hasResultRules = !retryOnResult.isEmpty();
        this.delayFrom = config.delayFrom();
        this.classifier = config.classifier();
        this.sleeper = config.sleeper();
        this.scheduler = config.scheduler();
        this.listeners = config.listeners();
        this.hasListeners = !listeners.isEmpty();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RetryConfig config() {
        return config;
    }

    @Override
    public <T> T execute(Call<T> call) {
        Objects.requireNonNull(call, "call");
        calls.increment();
        T value;
        try {
            value = call.call();
        } catch (Throwable failure) {
            return retryAfterFailure(call, failure);
        }
        return hasResultRules && retriesResult(value) ? retryAfterValue(call, value) : succeededAtOnce(value);
    }

    /**
     * As {@link #execute(Call)} with the inner layers of a pipeline as the call; the call object for
     * the later attempts is made only once the first asks for a retry.
     */
    <T> T execute(ResiliencePipelineLayer inner, Call<T> call) {
        calls.increment();
        T value;
        try {
            value = inner.run(call);
        } catch (Throwable failure) {
            return retryAfterFailure(() -> inner.run(call), failure);
        }
        return hasResultRules && retriesResult(value)
                ? retryAfterValue(() -> inner.run(call), value)
                : succeededAtOnce(value);
    }

    private <T> T retryAfterFailure(Call<T> call, Throwable failure) {
        var execution = new RetryExecution<T>(this);
        return runRetries(call, execution, execution.failed(failure)).getOrThrow();
    }

    private <T> T retryAfterValue(Call<T> call, T value) {
        var execution = new RetryExecution<T>(this);
        return runRetries(call, execution, execution.retryValue(value)).getOrThrow();
    }

    private <T> T succeededAtOnce(T value) {
        successesWithoutRetry.increment();
        if (hasListeners) {
            publish(new RetryEvent.Succeeded(name, 1));
        }
        return value;
    }

    @Override
    public <T> Outcome<T> executeOutcome(Call<T> call) {
        Objects.requireNonNull(call, "call");
        calls.increment();
        var execution = new RetryExecution<T>(this);
        return runRetries(call, execution, attempt(call, execution));
    }

    @Override
    public <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        calls.increment();
        var result = new CompletableFuture<T>();
        new RetryAsyncExecution<>(this, supplier, result).start();
        return result;
    }

    @Override
    public RetryStatistics statistics() {
        long callCount = calls.sum();
        long retryCount = retries.sum();
        return new RetryStatistics(callCount, callCount + retryCount, retryCount, successesWithoutRetry.sum(),
                successesAfterRetry.sum(), failuresWithoutRetry.sum(), exhausted.sum(), aborted.sum(),
                cancelled.sum());
    }

    /** Waits and re-attempts while the execution asks for it; the first attempt has already run. */
    private <T> Outcome<T> runRetries(Call<T> call, RetryExecution<T> execution, boolean retry) {
        boolean again = retry;
        while (again) {
            try {
                sleeper.sleep(Duration.ofNanos(execution.nextDelayNanos()));
            } catch (InterruptedException interrupt) {
                Thread.currentThread().interrupt();
                execution.interrupted(interrupt);
                break;
            }
            execution.startRetry();
            again = attempt(call, execution);
        }
        execution.record();
        return execution.terminal();
    }

    private static <T> boolean attempt(Call<T> call, RetryExecution<T> execution) {
        T value;
        try {
            value = call.call();
        } catch (Throwable failure) {
            return execution.failed(failure);
        }
        return execution.returned(value);
    }

    Verdict verdict(Throwable failure) {
        Throwable cause = DefaultErrorClassifier.unwrap(failure);
        if (matches(abortOn, abortIf, cause)) {
            return Verdict.ABORT;
        }
        return matches(retryOn, retryIf, cause) ? Verdict.RETRY : Verdict.FAIL;
    }

    private static boolean matches(Class<?>[] types, List<Predicate<? super Throwable>> predicates, Throwable cause) {
        for (Class<?> type : types) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        for (int i = 0; i < predicates.size(); i++) {
            if (predicates.get(i).test(cause)) {
                return true;
            }
        }
        return false;
    }

    boolean retriesResult(Object value) {
        for (int i = 0; i < retryOnResult.size(); i++) {
            if (retryOnResult.get(i).test(value)) {
                return true;
            }
        }
        return false;
    }

    /** A thrown failure as an outcome: a rejection as thrown by a policy, anything else classified. */
    <T> Outcome<T> outcomeOf(Throwable failure) {
        if (failure instanceof CallNotPermittedException rejection) {
            return new Outcome.Rejected<>(rejection);
        }
        return new Outcome.Failure<>(failure, classifier.classify(failure));
    }

    Classification classify(Throwable failure) {
        return classifier.classify(failure);
    }

    long initialDelayNanos() {
        return delays.initialNanos();
    }

    /** The wait before retry {@code retry}: what the outcome asks for, else the jittered backoff. */
    long delayNanos(int retry, long previousNanos, Outcome<?> outcome) {
        long requested = delays.requestedNanos(delayFrom.apply(outcome));
        return requested >= 0 ? requested : delays.nextNanos(retry, previousNanos);
    }

    void publish(RetryEvent event) {
        Listeners.deliverAll(listeners, event);
    }

    @Override
    public String toString() {
        return "Retry[" + name + ", maxAttempts=" + maxAttempts + "]";
    }
}
