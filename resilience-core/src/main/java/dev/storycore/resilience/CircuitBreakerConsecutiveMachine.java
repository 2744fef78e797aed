package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerState.Change;
import java.time.Duration;
import java.time.Instant;

/**
 * The consecutive-failure mode: the count lives in the state record itself. A success while the count
 * is zero, the usual case, only reads the state; anything else is a compare-and-set loop. Call
 * durations are never read. Thread-safe.
 */
final class CircuitBreakerConsecutiveMachine extends CircuitBreakerStateMachine {

    private final int failureThreshold;

    CircuitBreakerConsecutiveMachine(CircuitBreakerConfig config, CircuitBreakerThreshold.Consecutive threshold) {
        super(config, false, Long.MAX_VALUE);
        this.failureThreshold = threshold.failureThreshold();
    }

    @Override
    Change closedSuccess(CircuitBreakerState s, boolean slow, long now) {
        long generation = s.generation();
        while (s.consecutiveFailures() != 0) {
            if (ref.compareAndSet(s, s.withConsecutiveFailures(0))) {
                return null;
            }
            s = ref.get();
            if (s.generation() != generation) {
                return null;
            }
        }
        return null;
    }

    @Override
    Change closedFailure(CircuitBreakerState s, boolean slow, long now) {
        long generation = s.generation();
        while (true) {
            int failures = s.consecutiveFailures() + 1;
            if (failures >= failureThreshold) {
                Change change = openFrom(s, now == NO_TIME ? clock.nanoTime() : now, Reason.FAILURE_THRESHOLD);
                if (change != null) {
                    return change;
                }
            } else if (ref.compareAndSet(s, s.withConsecutiveFailures(failures))) {
                return null;
            }
            s = ref.get();
            if (s.generation() != generation) {
                return null;
            }
        }
    }

    @Override
    long windowShift() {
        return 0;
    }

    @Override
    CircuitBreakerSnapshot snapshot(CircuitBreakerState s, long now, Duration remaining, Instant since) {
        return new CircuitBreakerSnapshot(s.state(), -1, -1, 0, s.consecutiveFailures(), s.runningProbes(),
                remaining, since);
    }
}
