package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerState.Change;
import java.time.Duration;
import java.time.Instant;

/**
 * The failure-rate mode: outcomes go into a {@link CircuitBreakerWindow}; the rates are judged only
 * after a failure or a slow call, since a fast success can only lower them. A closed state record
 * changes only when an earlier probe reports, which does not affect the verdict, so opening retries
 * until it succeeds or another thread changes the state. Thread-safe.
 */
final class CircuitBreakerRateMachine extends CircuitBreakerStateMachine {

    private final CircuitBreakerWindow window;
    private final int minimumCalls;
    private final double failureRateThreshold;
    private final double slowCallRateThreshold;
    private final boolean detectsSlowCalls;

    CircuitBreakerRateMachine(CircuitBreakerConfig config, CircuitBreakerThreshold.FailureRate threshold) {
        super(config, true, CircuitBreakerConfig.saturatedNanos(threshold.slowCallDuration()));
        long windowNanos = CircuitBreakerConfig.saturatedNanos(threshold.slidingWindow());
        this.window = new CircuitBreakerWindow(threshold.windowBuckets(), windowNanos / threshold.windowBuckets(),
                ref.get().sinceNanos());
        this.minimumCalls = threshold.minimumCalls();
        this.failureRateThreshold = threshold.failureRateThreshold();
        this.slowCallRateThreshold = threshold.slowCallRateThreshold();
        this.detectsSlowCalls = threshold.detectsSlowCalls();
    }

    @Override
    Change closedSuccess(CircuitBreakerState s, boolean slow, long now) {
        long time = now == NO_TIME ? clock.nanoTime() : now;
        window.record(window.epoch(time, s.windowOffset()), false, slow);
        return slow ? judge(s, time) : null;
    }

    @Override
    Change closedFailure(CircuitBreakerState s, boolean slow, long now) {
        long time = now == NO_TIME ? clock.nanoTime() : now;
        window.record(window.epoch(time, s.windowOffset()), true, slow);
        return judge(s, time);
    }

    private Change judge(CircuitBreakerState s, long now) {
        long epoch = window.epoch(now, s.windowOffset());
        long calls = window.calls(epoch);
        if (calls < minimumCalls) {
            return null;
        }
        Reason reason;
        if (window.failures(epoch) * 100.0 >= failureRateThreshold * calls) {
            reason = Reason.FAILURE_RATE;
        } else if (detectsSlowCalls && window.slowCalls(epoch) * 100.0 >= slowCallRateThreshold * calls) {
            reason = Reason.SLOW_CALL_RATE;
        } else {
            return null;
        }
        long generation = s.generation();
        while (s.state() == CircuitState.CLOSED && s.generation() == generation) {
            Change change = openFrom(s, now, reason);
            if (change != null) {
                return change;
            }
            s = ref.get();
        }
        return null;
    }

    @Override
    long windowShift() {
        return window.shift();
    }

    @Override
    CircuitBreakerSnapshot snapshot(CircuitBreakerState s, long now, Duration remaining, Instant since) {
        long epoch = window.epoch(now, s.windowOffset());
        long calls = window.calls(epoch);
        boolean judged = calls >= minimumCalls;
        double failureRate = judged ? window.failures(epoch) * 100.0 / calls : -1;
        double slowRate = judged ? window.slowCalls(epoch) * 100.0 / calls : -1;
        return new CircuitBreakerSnapshot(s.state(), failureRate, slowRate, calls, 0, s.runningProbes(), remaining,
                since);
    }
}
