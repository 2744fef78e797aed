package dev.storycore.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One call's way through a {@link RetryImpl} after its first attempt asked for a retry: how many
 * attempts it made, the previous wait (for decorrelated jitter), the failures seen so far, and how it
 * ended. The driver (synchronous loop or {@link RetryAsyncExecution}) runs the attempts and waits; this
 * class decides what follows each attempt.
 *
 * <p>Not thread-safe: attempts of one call run one after another, and asynchronous ones hand over
 * through the scheduler and future completion, which order memory. Only {@link #attempts()} is read
 * from other threads.
 *
 * @param <T> the result type
 */
final class RetryExecution<T> {

    private enum Ending { SUCCEEDED, FAILED, ABORTED, EXHAUSTED, CANCELLED }

    private final RetryImpl retry;
    private volatile int attempts = 1;
    private long previousDelayNanos;
    private long nextDelayNanos;
    private final List<Throwable> failures = new ArrayList<>();
    private Throwable lastFailure;
    private Ending ending;
    private Outcome<T> terminal;
    private Outcome<?> endingOutcome;

    RetryExecution(RetryImpl retry) {
        this.retry = retry;
        this.previousDelayNanos = retry.initialDelayNanos();
    }

    int attempts() {
        return attempts;
    }

    long nextDelayNanos() {
        return nextDelayNanos;
    }

    /** How the call ended; valid once an attempt returned {@code false}. */
    Outcome<T> terminal() {
        return terminal;
    }

    void startRetry() {
        attempts++;
        retry.retries.increment();
    }

    /**
     * Takes the failure of the latest attempt.
     *
     * @return {@code true} to retry after {@link #nextDelayNanos()}, {@code false} when the call ended
     */
    boolean failed(Throwable failure) {
        Outcome<T> outcome = retry.outcomeOf(failure);
        return switch (retry.verdict(failure)) {
            case ABORT -> end(Ending.ABORTED, outcome, outcome);
            case FAIL -> end(Ending.FAILED, outcome, outcome);
            case RETRY -> {
                remember(failure);
                yield attempts < retry.maxAttempts
                        ? schedule(outcome)
                        : end(Ending.EXHAUSTED, exhaustedOutcome(failure, outcome), outcome);
            }
        };
    }

    /** Takes the value of the latest attempt; returns as {@link #failed}. */
    boolean returned(T value) {
        if (retry.retriesResult(value)) {
            return retryValue(value);
        }
        Outcome<T> success = new Outcome.Success<>(value);
        return end(Ending.SUCCEEDED, success, success);
    }

    /** Takes a value the result rules already matched; returns as {@link #failed}. */
    boolean retryValue(T value) {
        Outcome<T> outcome = new Outcome.Success<>(value);
        return attempts < retry.maxAttempts ? schedule(outcome) : end(Ending.EXHAUSTED, outcome, outcome);
    }

    /** Ends the call because its thread was interrupted during a wait. */
    void interrupted(InterruptedException interrupt) {
        if (lastFailure != null) {
            interrupt.addSuppressed(lastFailure);
        }
        Outcome<T> outcome = new Outcome.Failure<>(interrupt, retry.classify(interrupt));
        end(Ending.CANCELLED, outcome, outcome);
    }

    /**
     * Counts the ending and publishes its event. The synchronous driver calls it as soon as the call
     * ends; the asynchronous one only if it completed the result before anyone cancelled it.
     */
    void record() {
        switch (ending) {
            case SUCCEEDED -> {
                (attempts == 1 ? retry.successesWithoutRetry : retry.successesAfterRetry).increment();
                retry.publish(new RetryEvent.Succeeded(retry.name(), attempts));
            }
            case FAILED -> {
                retry.failuresWithoutRetry.increment();
                retry.publish(new RetryEvent.Failed(retry.name(), attempts, endingOutcome));
            }
            case ABORTED -> {
                retry.aborted.increment();
                retry.publish(new RetryEvent.Aborted(retry.name(), attempts, endingOutcome));
            }
            case EXHAUSTED -> {
                retry.exhausted.increment();
                retry.publish(new RetryEvent.Exhausted(retry.name(), attempts, endingOutcome));
            }
            case CANCELLED -> recordCancelled();
        }
    }

    /** Counts a cancellation; safe from any thread. */
    void recordCancelled() {
        retry.cancelled.increment();
        retry.publish(new RetryEvent.Cancelled(retry.name(), attempts));
    }

    private boolean schedule(Outcome<T> outcome) {
        long delay = retry.delayNanos(attempts, previousDelayNanos, outcome);
        previousDelayNanos = delay;
        nextDelayNanos = delay;
        retry.publish(new RetryEvent.Scheduled(retry.name(), attempts, Duration.ofNanos(delay), outcome));
        return true;
    }

    private boolean end(Ending ending, Outcome<T> terminal, Outcome<?> endingOutcome) {
        this.ending = ending;
        this.terminal = terminal;
        this.endingOutcome = endingOutcome;
        return false;
    }

    private Outcome<T> exhaustedOutcome(Throwable failure, Outcome<T> last) {
        var exception = new RetriesExhaustedException(retry.name(), attempts, failure, failures);
        Classification classification = last instanceof Outcome.Failure<T> f
                ? f.classification() : retry.classify(exception);
        return new Outcome.Failure<>(exception, classification);
    }

    /** Keeps distinct failures for the exhaustion exception, no more than it will use. */
    private void remember(Throwable failure) {
        lastFailure = failure;
        if (failures.size() > RetriesExhaustedException.MAX_SUPPRESSED) {
            return;
        }
        for (Throwable known : failures) {
            if (known == failure) {
                return;
            }
        }
        failures.add(failure);
    }
}
