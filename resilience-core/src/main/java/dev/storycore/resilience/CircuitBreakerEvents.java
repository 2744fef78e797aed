package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerEvent.CallFailed;
import dev.storycore.resilience.CircuitBreakerEvent.CallIgnored;
import dev.storycore.resilience.CircuitBreakerEvent.CallNotPermitted;
import dev.storycore.resilience.CircuitBreakerEvent.CallSucceeded;
import dev.storycore.resilience.CircuitBreakerEvent.Isolated;
import dev.storycore.resilience.CircuitBreakerEvent.Reset;
import dev.storycore.resilience.CircuitBreakerEvent.ResultRecordedAsFailure;
import dev.storycore.resilience.CircuitBreakerEvent.StateTransition;
import dev.storycore.resilience.internal.Listeners;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds and delivers a breaker's events. With no listener configured every method returns before
 * allocating anything, so the call paths need no checks of their own. Thread-safe.
 */
final class CircuitBreakerEvents {

    private final String name;
    private final Clock clock;
    private final Consumer<? super CircuitBreakerEvent> listener;
    private final boolean enabled;

    CircuitBreakerEvents(CircuitBreakerConfig config) {
        this.name = config.name();
        this.clock = config.clock();
        this.listener = config.listener();
        this.enabled = listener != CircuitBreakerConfig.NO_LISTENER;
    }

    void succeeded(long nanos, boolean slow) {
        if (enabled) {
            deliver(new CallSucceeded(name, clock.instant(), duration(nanos), slow));
        }
    }

    void failed(long nanos, boolean slow, Throwable failure) {
        if (enabled) {
            deliver(new CallFailed(name, clock.instant(), duration(nanos), slow, failure));
        }
    }

    void resultFailed(long nanos, boolean slow, Object result) {
        if (enabled) {
            deliver(new ResultRecordedAsFailure(name, clock.instant(), duration(nanos), slow, result));
        }
    }

    void ignored(long nanos, Throwable failure) {
        if (enabled) {
            deliver(new CallIgnored(name, clock.instant(), duration(nanos), failure));
        }
    }

    void notPermitted(CircuitState state, long remainingNanos) {
        if (enabled) {
            deliver(new CallNotPermitted(name, clock.instant(), state, Duration.ofNanos(remainingNanos)));
        }
    }

    void reset() {
        if (enabled) {
            deliver(new Reset(name, clock.instant()));
        }
    }

    void isolated() {
        if (enabled) {
            deliver(new Isolated(name, clock.instant()));
        }
    }

    void transitioned(CircuitState from, CircuitState to, CircuitBreakerEvent.Reason reason) {
        if (enabled) {
            deliver(new StateTransition(name, clock.instant(), from, to, reason));
        }
    }

    private void deliver(CircuitBreakerEvent event) {
        Listeners.deliver(listener, event);
    }

    private static Duration duration(long nanos) {
        return Duration.ofNanos(Math.max(0, nanos));
    }
}
