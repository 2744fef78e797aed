package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Drives one asynchronous call through a {@link RetryImpl}: starts an attempt, and when its stage
 * completes either completes the result or schedules the next attempt on the {@link Scheduler}, so no
 * thread waits. Cancelling the result cancels the scheduled attempt and the running one.
 *
 * <p>Thread-safe for its purpose: attempts run one after another (see {@link RetryExecution}); the
 * only concurrent party is whoever cancels the result, and the handles it touches are volatile. A
 * cancellation racing a retry being scheduled is caught by re-checking the result after scheduling.
 *
 * @param <T> the result type
 */
final class RetryAsyncExecution<T> implements Runnable {

    private static final Scheduler.Cancellable NOTHING_SCHEDULED = () -> false;

    private final RetryImpl retry;
    private final Supplier<? extends CompletionStage<T>> supplier;
    private final CompletableFuture<T> result;
    private final RetryExecution<T> execution;
    private volatile Scheduler.Cancellable pendingAttempt = NOTHING_SCHEDULED;
    private volatile CompletionStage<T> runningAttempt;

    RetryAsyncExecution(RetryImpl retry, Supplier<? extends CompletionStage<T>> supplier, CompletableFuture<T> result) {
        this.retry = retry;
        this.supplier = supplier;
        this.result = result;
        this.execution = new RetryExecution<>(retry);
    }

    void start() {
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                onCancelled();
            }
        });
        attempt();
    }

    /** Runs a scheduled retry. */
    @Override
    public void run() {
        if (result.isDone()) {
            return;
        }
        execution.startRetry();
        attempt();
    }

    private void attempt() {
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(supplier.get(), "supplier returned null");
        } catch (Throwable failure) {
            onAttemptDone(null, failure);
            return;
        }
        runningAttempt = stage;
        if (result.isDone()) {
            cancel(stage);
        }
        stage.whenComplete(this::onAttemptDone);
    }

    private void onAttemptDone(T value, Throwable failure) {
        if (result.isDone()) {
            return;
        }
        boolean again;
        try {
            again = failure == null ? execution.returned(value) : execution.failed(failure);
        } catch (Throwable brokenRule) {
            // A retry rule or delay function threw: the call cannot go on, and must not hang.
            result.completeExceptionally(brokenRule);
            return;
        }
        if (again) {
            scheduleRetry();
        } else {
            complete(execution.terminal());
        }
    }

    private void scheduleRetry() {
        try {
            pendingAttempt = retry.scheduler.schedule(this, Duration.ofNanos(execution.nextDelayNanos()));
        } catch (Throwable rejected) {
            result.completeExceptionally(rejected);
            return;
        }
        if (result.isDone()) {
            pendingAttempt.cancel();
        }
    }

    private void complete(Outcome<T> terminal) {
        boolean completed = switch (terminal) {
            case Outcome.Success<T> success -> result.complete(success.value());
            case Outcome.Failure<T> failure -> result.completeExceptionally(failure.error());
            case Outcome.Rejected<T> rejected -> result.completeExceptionally(rejected.rejection());
        };
        if (completed) {
            execution.record();
        }
    }

    private void onCancelled() {
        pendingAttempt.cancel();
        CompletionStage<T> running = runningAttempt;
        if (running != null) {
            cancel(running);
        }
        execution.recordCancelled();
    }

    private static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException notCancellable) {
            // A stage that cannot become a future cannot be cancelled; its result is ignored instead.
        }
    }
}
