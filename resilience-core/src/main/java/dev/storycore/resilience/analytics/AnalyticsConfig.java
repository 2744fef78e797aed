package dev.storycore.resilience.analytics;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable configuration of an {@link ErrorAnalytics}; see {@link ErrorAnalytics.Builder} for
 * the meaning and default of each value.
 *
 * @param name                the name, used in reports
 * @param historySize         how many of the newest records the history keeps
 * @param window              the window of the error rate
 * @param topErrorsLimit      how many codes a report lists as most common
 * @param recentCriticalLimit how many critical records a report lists
 * @param clock               the source of time
 */
public record AnalyticsConfig(
        String name, int historySize, Duration window, int topErrorsLimit, int recentCriticalLimit, Clock clock) {

    /** The shortest window: the rate is kept in 60 buckets of at least one millisecond. */
    static final Duration MIN_WINDOW = Duration.ofMillis(60);

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first parameter that is out of range
     */
    public AnalyticsConfig {
        Checks.name(name, "name");
        Checks.atLeastOne(historySize, "historySize");
        Checks.positive(window, "window");
        if (window.compareTo(MIN_WINDOW) < 0) {
            throw new IllegalArgumentException("window must be at least " + MIN_WINDOW + ", was " + window);
        }
        Checks.notNegative(topErrorsLimit, "topErrorsLimit");
        Checks.notNegative(recentCriticalLimit, "recentCriticalLimit");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * A builder holding these values, to derive a changed configuration.
     *
     * @return a new builder
     */
    public ErrorAnalytics.Builder toBuilder() {
        return new ErrorAnalytics.Builder(this);
    }
}
