package dev.storycore.resilience.analytics;

import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ErrorAnalytics} knows, at one moment. Immutable.
 *
 * <p>Which figure covers what: {@code totalErrors}, {@code recoveredErrors}, {@code recoveryRate},
 * {@code byCategory} and {@code bySeverity} count every record ever made; {@code errorsInWindow} and
 * {@code errorRatePerMinute} cover the last {@code window}; {@code topErrors} and
 * {@code recentCritical} come from the retained history (the newest {@code historySize} records).
 *
 * @param name               the analytics' name
 * @param generatedAt        when the report was made
 * @param window             the window of the rate
 * @param totalErrors        records ever made
 * @param recoveredErrors    of which marked recovered
 * @param recoveryRate       recovered divided by total, 0 when there are no records
 * @param errorsInWindow     records whose timestamp lies in the window
 * @param errorRatePerMinute errorsInWindow divided by the window's length in minutes
 * @param byCategory         records per category, every category present, in declaration order
 * @param bySeverity         records per severity, every severity present, in declaration order
 * @param topErrors          the most common codes in the history, most common first
 * @param recentCritical     the newest critical records in the history, newest first
 * @param historySize        how many records the history holds now
 */
public record AnalyticsReport(
        String name,
        Instant generatedAt,
        Duration window,
        long totalErrors,
        long recoveredErrors,
        double recoveryRate,
        long errorsInWindow,
        double errorRatePerMinute,
        Map<ErrorCategory, Long> byCategory,
        Map<Severity, Long> bySeverity,
        List<ErrorCount> topErrors,
        List<ErrorRecord> recentCritical,
        int historySize) {

    /** Checks that nothing is null and makes immutable copies that keep enum order. */
    public AnalyticsReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(window, "window");
        byCategory = copy(ErrorCategory.class, byCategory);
        bySeverity = copy(Severity.class, bySeverity);
        topErrors = List.copyOf(topErrors);
        recentCritical = List.copyOf(recentCritical);
    }

    private static <K extends Enum<K>> Map<K, Long> copy(Class<K> type, Map<K, Long> counts) {
        var copy = new EnumMap<K, Long>(type);
        counts.forEach((key, count) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(count, "count")));
        return Collections.unmodifiableMap(copy);
    }
}
