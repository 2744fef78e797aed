package dev.storycore.resilience.analytics;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lock-free {@link ErrorAnalytics}: {@link LongAdder} counters for all-time figures, a
 * {@link RateWindow} for the rate and a {@link RecordRing} for the history. The counter maps are
 * filled once in the constructor and only read afterwards, so plain {@link EnumMap}s are safe.
 */
final class DefaultErrorAnalytics implements ErrorAnalytics {

    private final AnalyticsConfig config;
    private final Clock clock;
    private final double windowMinutes;
    private final LongAdder total = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final Map<ErrorCategory, LongAdder> byCategory = counters(ErrorCategory.class);
    private final Map<Severity, LongAdder> bySeverity = counters(Severity.class);
    private final RateWindow rateWindow;
    private final RecordRing history;

    DefaultErrorAnalytics(AnalyticsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = config.clock();
        this.windowMinutes = config.window().toMillis() / 60_000.0;
        this.rateWindow = new RateWindow(config.window());
        this.history = new RecordRing(config.historySize());
    }

    private static <K extends Enum<K>> Map<K, LongAdder> counters(Class<K> type) {
        Map<K, LongAdder> map = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            map.put(key, new LongAdder());
        }
        return map;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public AnalyticsConfig config() {
        return config;
    }

    @Override
    public void record(ErrorRecord record) {
        Objects.requireNonNull(record, "record");
        total.increment();
        if (record.recovered()) {
            recovered.increment();
        }
        byCategory.get(record.category()).increment();
        bySeverity.get(record.severity()).increment();
        rateWindow.add(record.timestamp(), clock.instant());
        history.add(record);
    }

    @Override
    public ErrorRecord record(Classification classification, String source) {
        var record = new ErrorRecord(clock.instant(), classification, source, false);
        record(record);
        return record;
    }

    @Override
    public ErrorRecord recordRecovered(Classification classification, String source) {
        var record = new ErrorRecord(clock.instant(), classification, source, true);
        record(record);
        return record;
    }

    @Override
    public long totalErrors() {
        return total.sum();
    }

    @Override
    public long errorsInWindow() {
        return rateWindow.count(clock.instant());
    }

    @Override
    public double errorRatePerMinute() {
        return errorsInWindow() / windowMinutes;
    }

    @Override
    public List<ErrorCount> topErrors(int limit) {
        Checks.notNegative(limit, "limit");
        return topErrors(history.snapshot(), limit);
    }

    private static List<ErrorCount> topErrors(List<ErrorRecord> records, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (ErrorRecord record : records) {
            counts.merge(record.code(), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> new ErrorCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    @Override
    public Map<ErrorCategory, Long> countsByCategory() {
        return sums(ErrorCategory.class, byCategory);
    }

    @Override
    public Map<Severity, Long> countsBySeverity() {
        return sums(Severity.class, bySeverity);
    }

    private static <K extends Enum<K>> Map<K, Long> sums(Class<K> type, Map<K, LongAdder> counters) {
        Map<K, Long> sums = new EnumMap<>(type);
        counters.forEach((key, counter) -> sums.put(key, counter.sum()));
        return Collections.unmodifiableMap(sums);
    }

    @Override
    public double recoveryRate() {
        // recovered first: a record counted as recovered was counted in total before, so rate <= 1
        long recoveredCount = recovered.sum();
        long totalCount = total.sum();
        return totalCount == 0 ? 0.0 : (double) recoveredCount / totalCount;
    }

    @Override
    public List<ErrorRecord> recentCritical(int limit) {
        Checks.notNegative(limit, "limit");
        return recentCritical(history.snapshot(), limit);
    }

    private static List<ErrorRecord> recentCritical(List<ErrorRecord> oldestFirst, int limit) {
        return oldestFirst.reversed().stream()
                .filter(record -> record.severity() == Severity.CRITICAL)
                .limit(limit)
                .toList();
    }

    @Override
    public List<ErrorRecord> history() {
        return List.copyOf(history.snapshot());
    }

    @Override
    public AnalyticsReport report() {
        Instant now = clock.instant();
        List<ErrorRecord> records = history.snapshot();
        long recoveredCount = recovered.sum();
        long totalCount = total.sum();
        long inWindow = rateWindow.count(now);
        return new AnalyticsReport(name(), now, config.window(), totalCount, recoveredCount,
                totalCount == 0 ? 0.0 : (double) recoveredCount / totalCount, inWindow, inWindow / windowMinutes,
                countsByCategory(), countsBySeverity(), topErrors(records, config.topErrorsLimit()),
                recentCritical(records, config.recentCriticalLimit()), records.size());
    }

    @Override
    public String toString() {
        return "ErrorAnalytics[" + name() + ", " + total.sum() + " errors]";
    }
}
