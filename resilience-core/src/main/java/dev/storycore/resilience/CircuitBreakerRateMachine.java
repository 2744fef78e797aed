package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerState.Change;
import java.time.Duration;
import java.time.Instant;

/**
 * The failure-rate mode: outcomes go into a {@link CircuitBreakerWindow}; the rates are judged only
 * after a failure or a slow call, since a fast success can only lower them. While closed the state
 * record never changes except to open, so opening is a single compare-and-set that may lose only to
 * another change of state. Thread-safe.
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
        if (window.failures(epoch) * 100.0 >= failureRateThreshold * calls) {
            return openFrom(s, now, Reason.FAILURE_RATE);
        }
        if (detectsSlowCalls && window.slowCalls(epoch) * 100.0 >= slowCallRateThreshold * calls) {
            return openFrom(s, now, Reason.SLOW_CALL_RATE);
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
        return new CircuitBreakerSnapshot(s.state(), failureRate, slowRate, calls, 0, s.probesInFlight(), remaining,
                since);
    }
}
