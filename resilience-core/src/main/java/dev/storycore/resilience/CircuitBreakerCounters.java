package dev.storycore.resilience;

import java.util.concurrent.atomic.LongAdder;

/** A breaker's lifetime counters; {@link LongAdder}s, so contended increments do not collide. */
final class CircuitBreakerCounters {

    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder ignored = new LongAdder();
    final LongAdder notPermitted = new LongAdder();
    final LongAdder slowCalls = new LongAdder();
    final LongAdder transitions = new LongAdder();

    CircuitBreakerStatistics statistics() {
        return new CircuitBreakerStatistics(successes.sum(), failures.sum(), ignored.sum(), notPermitted.sum(),
                slowCalls.sum(), transitions.sum());
    }
}
