package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Retry} reports to its listeners. Every call ends with exactly one terminal event:
 * {@link Succeeded}, {@link Failed}, {@link Aborted}, {@link Exhausted} or {@link Cancelled}; each
 * retry it makes is announced by a {@link Scheduled} event before the wait.
 *
 * <p>Events are immutable. They are delivered on the thread that ran the attempt (or, for
 * {@link Cancelled} on an asynchronous call, the thread that cancelled it).
 */
public sealed interface RetryEvent {

    /**
     * The name of the retry that published the event.
     *
     * @return the retry's name
     */
    String retryName();

    /**
     * How many attempts the call had made when the event was published.
     *
     * @return the attempts so far, at least 1
     */
    int attempts();

    /**
     * An attempt failed (or returned a result to retry on) and another one will follow after a wait.
     *
     * @param retryName the retry's name
     * @param attempts  the attempt that just ended, from 1
     * @param delay     the wait before the next attempt
     * @param outcome   how the attempt ended: a failure, a rejection, or a success whose value is retried
     */
    record Scheduled(String retryName, int attempts, Duration delay, Outcome<?> outcome) implements RetryEvent {
        /** Checks that nothing is null. */
        public Scheduled {
            Objects.requireNonNull(retryName, "retryName");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The call returned a value that is not retried; {@code attempts == 1} means it needed no retry.
     * Published on every success, but only if a listener is registered.
     *
     * @param retryName the retry's name
     * @param attempts  how many attempts it took
     */
    record Succeeded(String retryName, int attempts) implements RetryEvent {
        /** Checks that nothing is null. */
        public Succeeded {
            Objects.requireNonNull(retryName, "retryName");
        }
    }

    /**
     * The call failed with a failure the retry rules do not retry; it was rethrown unchanged.
     *
     * @param retryName the retry's name
     * @param attempts  how many attempts were made
     * @param outcome   the failure (or rejection) of the last attempt
     */
    record Failed(String retryName, int attempts, Outcome<?> outcome) implements RetryEvent {
        /** Checks that nothing is null. */
        public Failed {
            Objects.requireNonNull(retryName, "retryName");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The call failed with a failure an abort rule matched; it was rethrown unchanged.
     *
     * @param retryName the retry's name
     * @param attempts  how many attempts were made
     * @param outcome   the failure (or rejection) that aborted the call
     */
    record Aborted(String retryName, int attempts, Outcome<?> outcome) implements RetryEvent {
        /** Checks that nothing is null. */
        public Aborted {
            Objects.requireNonNull(retryName, "retryName");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Every attempt was used up and the last one still asked for a retry.
     *
     * @param retryName   the retry's name
     * @param attempts    the attempts made, equal to the configured maximum
     * @param lastOutcome the last attempt's failure, or its success when retrying on a result
     */
    record Exhausted(String retryName, int attempts, Outcome<?> lastOutcome) implements RetryEvent {
        /** Checks that nothing is null. */
        public Exhausted {
            Objects.requireNonNull(retryName, "retryName");
            Objects.requireNonNull(lastOutcome, "lastOutcome");
        }
    }

    /**
     * The call stopped because its thread was interrupted during a wait, or because its asynchronous
     * result was cancelled.
     *
     * @param retryName the retry's name
     * @param attempts  how many attempts had been made
     */
    record Cancelled(String retryName, int attempts) implements RetryEvent {
        /** Checks that nothing is null. */
        public Cancelled {
            Objects.requireNonNull(retryName, "retryName");
        }
    }
}
