package dev.storycore.resilience;

import dev.storycore.resilience.internal.Listeners;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The timeout policy; see {@link TimeoutInterrupter} for how a synchronous deadline and the call's
 * return are kept apart. Thread-safe: immutable apart from the counters.
 */
final class TimeoutImpl implements Timeout {

    private final TimeoutConfig config;
    private final String name;
    private final Duration timeout;
    private final Scheduler scheduler;
    private final ErrorClassifier classifier;
    private final List<Consumer<? super TimeoutEvent>> listeners;

    private final LongAdder successes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    TimeoutImpl(TimeoutConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = config.name();
        this.timeout = config.timeout();
        this.scheduler = config.scheduler();
        this.classifier = config.classifier();
        this.listeners = config.listeners();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TimeoutConfig config() {
        return config;
    }

    @Override
    public <T> T execute(Call<T> call) {
        try {
            return run(call);
        } catch (Exception failure) {
            throw CallFailedException.rethrow(failure);
        }
    }

    @Override
    public <T> Outcome<T> executeOutcome(Call<T> call) {
        try {
            return new Outcome.Success<>(run(call));
        } catch (CallNotPermittedException rejection) {
            return new Outcome.Rejected<>(rejection);
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome.Failure<>(failure, classifier.classify(failure));
        }
    }

    /** Runs the call under a deadline, throwing what it threw or the timeout. */
    private <T> T run(Call<T> call) throws Exception {
        Objects.requireNonNull(call, "call");
        var deadline = new TimeoutInterrupter(Thread.currentThread());
        Scheduler.Cancellable timer = scheduler.schedule(deadline, timeout);
        T value;
        try {
            value = call.call();
        } catch (Throwable failure) {
            timer.cancel();
            if (deadline.finish()) {
                failed(failure);
                throw failure;
            }
            throw exceeded(deadline, failure);
        }
        timer.cancel();
        if (deadline.finish()) {
            succeeded();
            return value;
        }
        throw exceeded(deadline, null);
    }

    private TimeoutExceededException exceeded(TimeoutInterrupter deadline, Throwable callFailure) {
        deadline.clearInterrupt();
        var exception = new TimeoutExceededException(name, timeout, callFailure);
        timedOut();
        return exception;
    }

    @Override
    public <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        var result = new CompletableFuture<T>();
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(supplier.get(), "supplier returned null");
        } catch (Throwable failure) {
            failed(failure);
            result.completeExceptionally(failure);
            return result;
        }
        Scheduler.Cancellable timer = scheduler.schedule(() -> {
            if (result.completeExceptionally(new TimeoutExceededException(name, timeout))) {
                timedOut();
                cancel(stage);
            }
        }, timeout);
        stage.whenComplete((value, failure) -> {
            timer.cancel();
            if (failure == null ? result.complete(value) : result.completeExceptionally(failure)) {
                if (failure == null) {
                    succeeded();
                } else {
                    failed(failure);
                }
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                timer.cancel();
                cancel(stage);
            }
        });
        return result;
    }

    @Override
    public TimeoutStatistics statistics() {
        return new TimeoutStatistics(successes.sum(), failures.sum(), timeouts.sum());
    }

    private void succeeded() {
        successes.increment();
        if (!listeners.isEmpty()) {
            publish(new TimeoutEvent.Succeeded(name));
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        publish(new TimeoutEvent.Failed(name, failure));
    }

    private void timedOut() {
        timeouts.increment();
        publish(new TimeoutEvent.Exceeded(name, timeout));
    }

    private void publish(TimeoutEvent event) {
        Listeners.deliverAll(listeners, event);
    }

    private static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException notCancellable) {
            // Nothing to cancel through; the stage's late result is ignored.
        }
    }

    @Override
    public String toString() {
        return "Timeout[" + name + ", " + timeout + "]";
    }
}
