package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The immutable settings of a {@link Bulkhead}; made by {@link BulkheadBuilder}.
 *
 * @param name               the bulkhead's name, used in events, statistics and exceptions
 * @param maxConcurrentCalls how many calls may run at once, at least 1
 * @param maxWait            how long a call may wait for a permit; zero refuses at once
 * @param writableStackTrace whether {@link BulkheadFullException}s carry a stack trace
 * @param classifier         classifies failures for outcomes
 * @param listeners          event listeners, called in order
 */
public record BulkheadConfig(
        String name,
        int maxConcurrentCalls,
        Duration maxWait,
        boolean writableStackTrace,
        ErrorClassifier classifier,
        List<Consumer<? super BulkheadEvent>> listeners) {

    /** The default limit: 10 concurrent calls. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 10;

    /**
     * Checks the settings and copies the listeners.
     *
     * @throws IllegalArgumentException if {@code name} is blank, {@code maxConcurrentCalls < 1} or
     *                                  {@code maxWait} is negative
     * @throws NullPointerException     if anything is null
     */
    public BulkheadConfig {
        Checks.name(name, "name");
        Checks.atLeastOne(maxConcurrentCalls, "maxConcurrentCalls");
        Checks.notNegative(maxWait, "maxWait");
        Objects.requireNonNull(classifier, "classifier");
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder holding these settings.
     *
     * @return a new builder
     */
    public BulkheadBuilder toBuilder() {
        return new BulkheadBuilder(this);
    }
}
