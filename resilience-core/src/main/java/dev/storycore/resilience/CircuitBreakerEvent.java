package dev.storycore.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a {@link CircuitBreaker} did, for listeners registered with
 * {@link CircuitBreakerBuilder#listener}. Events are delivered on the thread that caused them, after the
 * state change they report has taken effect, cause before effect: a {@link CallFailed} comes before the
 * {@link StateTransition} it triggers, a {@link Reset} before its transition to closed. Per-call events
 * are not even built when no listener is registered.
 *
 * <p>Immutable and thread-safe (a call's result and failure are shared as they are).
 */
public sealed interface CircuitBreakerEvent {

    /**
     * The breaker that published the event.
     *
     * @return its name
     */
    String breakerName();

    /**
     * When the event happened, by the breaker's clock.
     *
     * @return the instant
     */
    Instant at();

    /** Why a breaker changed state. */
    enum Reason {
        /** The consecutive-failure threshold was reached. */
        FAILURE_THRESHOLD,
        /** The failure rate over the window reached its threshold. */
        FAILURE_RATE,
        /** The slow-call rate over the window reached its threshold. */
        SLOW_CALL_RATE,
        /** The open duration had elapsed when a call asked for permission. */
        OPEN_DURATION_ELAPSED,
        /** A half-open probe failed (or, in failure-rate mode with slow calls configured, was slow). */
        PROBE_FAILED,
        /** Enough half-open probes succeeded in a row. */
        SUCCESS_THRESHOLD,
        /** {@link CircuitBreaker#open()} was called. */
        OPENED_BY_HAND,
        /** {@link CircuitBreaker#isolate()} was called. */
        ISOLATED,
        /** {@link CircuitBreaker#reset()} was called. */
        RESET
    }

    /**
     * The breaker moved from one state to another.
     *
     * @param breakerName the breaker
     * @param at          when
     * @param from        the state before
     * @param to          the state after
     * @param reason      why
     */
    record StateTransition(String breakerName, Instant at, CircuitState from, CircuitState to, Reason reason)
            implements CircuitBreakerEvent {
        /** Checks that nothing is null. */
        public StateTransition {
            Objects.requireNonNull(breakerName, "breakerName");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A call counted as a success: it returned, or threw a failure that {@code recordIf} does not count.
     *
     * @param breakerName the breaker
     * @param at          when it completed
     * @param duration    how long it took, as reported; {@code execute} measures calls only when slow calls
     *                    are configured and reports zero otherwise
     * @param slow        whether it reached the slow-call duration
     */
    record CallSucceeded(String breakerName, Instant at, Duration duration, boolean slow)
            implements CircuitBreakerEvent {
    }

    /**
     * A call threw a failure that counts.
     *
     * @param breakerName the breaker
     * @param at          when it completed
     * @param duration    how long it took, as reported
     * @param slow        whether it reached the slow-call duration
     * @param failure     what it threw
     */
    record CallFailed(String breakerName, Instant at, Duration duration, boolean slow, Throwable failure)
            implements CircuitBreakerEvent {
    }

    /**
     * A call returned a value that {@code recordResult} counts as a failure.
     *
     * @param breakerName the breaker
     * @param at          when it completed
     * @param duration    how long it took, as reported
     * @param slow        whether it reached the slow-call duration
     * @param result      the value, possibly {@code null} as the call returned it
     */
    record ResultRecordedAsFailure(String breakerName, Instant at, Duration duration, boolean slow, Object result)
            implements CircuitBreakerEvent {
    }

    /**
     * A call threw a failure that counts as nothing ({@code ignoreIf}, or a rejection by an inner policy).
     *
     * @param breakerName the breaker
     * @param at          when it completed
     * @param duration    how long it took, as reported
     * @param failure     what it threw
     */
    record CallIgnored(String breakerName, Instant at, Duration duration, Throwable failure)
            implements CircuitBreakerEvent {
    }

    /**
     * The breaker refused a call.
     *
     * @param breakerName   the breaker
     * @param at            when
     * @param state         the state that refused it: open, isolated, or half-open with every probe taken
     * @param remainingOpen how long until a probe may run; see {@link CircuitBreaker#remainingOpenTime()}
     */
    record CallNotPermitted(String breakerName, Instant at, CircuitState state, Duration remainingOpen)
            implements CircuitBreakerEvent {
    }

    /**
     * {@link CircuitBreaker#reset()} was called; a {@link StateTransition} follows unless it was closed.
     *
     * @param breakerName the breaker
     * @param at          when
     */
    record Reset(String breakerName, Instant at) implements CircuitBreakerEvent {
    }

    /**
     * {@link CircuitBreaker#isolate()} was called; a {@link StateTransition} follows unless it was
     * isolated already.
     *
     * @param breakerName the breaker
     * @param at          when
     */
    record Isolated(String breakerName, Instant at) implements CircuitBreakerEvent {
    }
}
