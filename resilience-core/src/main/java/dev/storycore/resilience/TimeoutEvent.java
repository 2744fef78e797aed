package dev.storycore.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Timeout} reports to its listeners: one event per call, on the thread that finished it
 * (for {@link Exceeded} on an asynchronous call, the scheduler's thread). Events are immutable.
 */
public sealed interface TimeoutEvent {

    /**
     * The name of the timeout that published the event.
     *
     * @return the timeout's name
     */
    String timeoutName();

    /**
     * The call finished in time with a value.
     *
     * @param timeoutName the timeout's name
     */
    record Succeeded(String timeoutName) implements TimeoutEvent {
        /** Checks that nothing is null. */
        public Succeeded {
            Objects.requireNonNull(timeoutName, "timeoutName");
        }
    }

    /**
     * The call failed in time on its own.
     *
     * @param timeoutName the timeout's name
     * @param failure     what it threw
     */
    record Failed(String timeoutName, Throwable failure) implements TimeoutEvent {
        /** Checks that nothing is null. */
        public Failed {
            Objects.requireNonNull(timeoutName, "timeoutName");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * The deadline passed before the call finished.
     *
     * @param timeoutName the timeout's name
     * @param timeout     the limit
     */
    record Exceeded(String timeoutName, Duration timeout) implements TimeoutEvent {
        /** Checks that nothing is null. */
        public Exceeded {
            Objects.requireNonNull(timeoutName, "timeoutName");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
