package dev.storycore.resilience.analytics;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects failures and answers what is going wrong: how often, what most, how bad, and how much of
 * it the system recovered from.
 *
 * <p>Three kinds of figure, kept differently (see {@link AnalyticsReport}): all-time counters (total,
 * recovered, per category, per severity), a sliding time window for the error rate, and a bounded
 * history of the newest records for the most common codes and recent critical errors.
 *
 * <p>Thread-safe and lock-free: any number of threads may record while others read. Each figure is
 * exact once writers are quiet; read during writes, it may miss records still in flight, and figures
 * in one report may be read a few records apart.
 */
public interface ErrorAnalytics {

    /**
     * Starts a builder with the defaults listed on {@link Builder}.
     *
     * @param name the name, used in reports
     * @return a builder
     */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Analytics with every default.
     *
     * @param name the name
     * @return empty analytics
     */
    static ErrorAnalytics ofDefaults(String name) {
        return builder(name).build();
    }

    /**
     * Analytics with the given configuration.
     *
     * @param config the configuration
     * @return empty analytics
     */
    static ErrorAnalytics of(AnalyticsConfig config) {
        return new DefaultErrorAnalytics(config);
    }

    /**
     * The name.
     *
     * @return the configured name
     */
    String name();

    /**
     * The configuration.
     *
     * @return the immutable configuration
     */
    AnalyticsConfig config();

    /**
     * Records one failure. A timestamp older than the window counts everywhere but in the rate.
     *
     * @param record the failure
     */
    void record(ErrorRecord record);

    /**
     * Records one failure that was not recovered, stamped now.
     *
     * @param classification what it was
     * @param source         where it happened
     * @return the record made
     */
    ErrorRecord record(Classification classification, String source);

    /**
     * Records one failure that was recovered from, stamped now.
     *
     * @param classification what it was
     * @param source         where it happened
     * @return the record made
     */
    ErrorRecord recordRecovered(Classification classification, String source);

    /**
     * Records ever made (all-time).
     *
     * @return the count
     */
    long totalErrors();

    /**
     * Records whose timestamp lies in the window ending now.
     *
     * @return the count
     */
    long errorsInWindow();

    /**
     * The error rate over the window: {@link #errorsInWindow()} divided by the window in minutes.
     *
     * @return errors per minute
     */
    double errorRatePerMinute();

    /**
     * The most common codes in the history, most common first; ties in code order.
     *
     * @param limit at most this many
     * @return an immutable list
     * @throws IllegalArgumentException if the limit is negative
     */
    List<ErrorCount> topErrors(int limit);

    /**
     * Records per category (all-time), every category present.
     *
     * @return an immutable map in declaration order
     */
    Map<ErrorCategory, Long> countsByCategory();

    /**
     * Records per severity (all-time), every severity present.
     *
     * @return an immutable map in declaration order
     */
    Map<Severity, Long> countsBySeverity();

    /**
     * Recovered records divided by all records (all-time).
     *
     * @return the rate in [0, 1]; 0 when nothing was recorded
     */
    double recoveryRate();

    /**
     * The newest critical records in the history, newest first.
     *
     * @param limit at most this many
     * @return an immutable list
     * @throws IllegalArgumentException if the limit is negative
     */
    List<ErrorRecord> recentCritical(int limit);

    /**
     * The retained history, oldest first: the newest {@code historySize} records.
     *
     * @return an immutable list
     */
    List<ErrorRecord> history();

    /**
     * Everything at once, with the configured limits.
     *
     * @return an immutable report
     */
    AnalyticsReport report();

    /** Builds an {@link ErrorAnalytics}. Not thread-safe; {@link #build()} copies. */
    final class Builder {
        private final String name;
        private int historySize = 1000;
        private Duration window = Duration.ofMinutes(10);
        private int topErrorsLimit = 10;
        private int recentCriticalLimit = 10;
        private Clock clock = Clock.system();

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        Builder(AnalyticsConfig config) {
            this(config.name());
            historySize = config.historySize();
            window = config.window();
            topErrorsLimit = config.topErrorsLimit();
            recentCriticalLimit = config.recentCriticalLimit();
            clock = config.clock();
        }

        /**
         * How many of the newest records the history keeps. Default 1000; at least 1.
         *
         * @param size the capacity
         * @return this builder
         */
        public Builder historySize(int size) {
            this.historySize = size;
            return this;
        }

        /**
         * The window of the error rate. Default ten minutes; at least 60 ms. It slides in sixtieths
         * of its length.
         *
         * @param window the length
         * @return this builder
         */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * How many codes {@link #report()} lists as most common. Default 10; zero or more.
         *
         * @param limit the count
         * @return this builder
         */
        public Builder topErrorsLimit(int limit) {
            this.topErrorsLimit = limit;
            return this;
        }

        /**
         * How many critical records {@link #report()} lists. Default 10; zero or more.
         *
         * @param limit the count
         * @return this builder
         */
        public Builder recentCriticalLimit(int limit) {
            this.recentCriticalLimit = limit;
            return this;
        }

        /**
         * The source of time, for stamping records and ending the window. Default
         * {@link Clock#system()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The configuration so far.
         *
         * @return an immutable configuration
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public AnalyticsConfig buildConfig() {
            return new AnalyticsConfig(name, historySize, window, topErrorsLimit, recentCriticalLimit, clock);
        }

        /**
         * Builds empty analytics.
         *
         * @return new analytics
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public ErrorAnalytics build() {
            return new DefaultErrorAnalytics(buildConfig());
        }
    }
}
