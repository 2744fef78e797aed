package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The immutable settings of a {@link Timeout}; made by {@link TimeoutBuilder}.
 *
 * @param name       the timeout's name, used in events, statistics and exceptions
 * @param timeout    how long a call may run, positive
 * @param scheduler  fires the deadlines
 * @param classifier classifies failures for outcomes
 * @param listeners  event listeners, called in order
 */
public record TimeoutConfig(
        String name,
        Duration timeout,
        Scheduler scheduler,
        ErrorClassifier classifier,
        List<Consumer<? super TimeoutEvent>> listeners) {

    /** The default limit: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the settings and copies the listeners.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code timeout} is not positive
     * @throws NullPointerException     if anything is null
     */
    public TimeoutConfig {
        Checks.name(name, "name");
        Checks.positive(timeout, "timeout");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(classifier, "classifier");
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder holding these settings.
     *
     * @return a new builder
     */
    public TimeoutBuilder toBuilder() {
        return new TimeoutBuilder(this);
    }
}
