package dev.storycore.resilience.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorAnalyticsTest {

    static Classification error(ErrorCategory category, Severity severity, String code) {
        return Classification.of(category, severity, Disposition.DO_NOT_RETRY, code, code.toLowerCase());
    }

    static final Classification OOM = error(ErrorCategory.MEMORY, Severity.HIGH, "GPU_OOM");
    static final Classification REFUSED = error(ErrorCategory.NETWORK, Severity.LOW, "NET_CONNECTION_REFUSED");
    static final Classification CORRUPT = error(ErrorCategory.MODEL, Severity.CRITICAL, "WEIGHTS_CORRUPT");

    private final FakeClock clock = new FakeClock();
    private final ErrorAnalytics analytics = ErrorAnalytics.builder("render").clock(clock).build();

    @Test
    void historyKeepsTheNewestThousandRecords() {
        for (int i = 0; i < 1500; i++) {
            analytics.record(OOM, "shot-" + i);
        }

        List<ErrorRecord> history = analytics.history();
        assertThat(history).hasSize(1000);
        assertThat(history.getFirst().source()).isEqualTo("shot-500");
        assertThat(history.getLast().source()).isEqualTo("shot-1499");
        assertThat(analytics.totalErrors()).isEqualTo(1500);
    }

    @Test
    void historySizeIsConfigurable() {
        ErrorAnalytics small = ErrorAnalytics.builder("render").historySize(3).clock(clock).build();
        for (int i = 0; i < 5; i++) {
            small.record(OOM, "shot-" + i);
        }

        assertThat(small.history()).extracting(ErrorRecord::source).containsExactly("shot-2", "shot-3", "shot-4");
    }

    @Test
    void recordStampsTheRecordWithTheClock() {
        clock.advance(Duration.ofSeconds(7));

        ErrorRecord made = analytics.record(REFUSED, "comfyui");

        assertThat(made).isEqualTo(new ErrorRecord(clock.instant(), REFUSED, "comfyui", false));
        assertThat(analytics.recordRecovered(REFUSED, "comfyui").recovered()).isTrue();
        assertThat(analytics.history()).hasSize(2);
    }

    @Test
    void errorRatePerMinuteCoversTheWindowOnly() {
        for (int i = 0; i < 5; i++) {
            analytics.record(OOM, "shot");
        }
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            analytics.record(REFUSED, "shot");
        }
        assertThat(analytics.errorsInWindow()).isEqualTo(8);
        assertThat(analytics.errorRatePerMinute()).isCloseTo(0.8, within(1e-9));

        clock.advance(Duration.ofMinutes(5));
        assertThat(analytics.errorsInWindow()).isEqualTo(3);
        assertThat(analytics.errorRatePerMinute()).isCloseTo(0.3, within(1e-9));

        clock.advance(Duration.ofMinutes(5));
        assertThat(analytics.errorRatePerMinute()).isZero();
        assertThat(analytics.totalErrors()).isEqualTo(8);
    }

    @Test
    void recordsStampedBeforeTheWindowCountEverywhereButInTheRate() {
        analytics.record(new ErrorRecord(clock.instant().minus(Duration.ofHours(1)), OOM, "replay", false));

        assertThat(analytics.errorsInWindow()).isZero();
        assertThat(analytics.totalErrors()).isEqualTo(1);
        assertThat(analytics.countsByCategory()).containsEntry(ErrorCategory.MEMORY, 1L);
        assertThat(analytics.history()).hasSize(1);
    }

    @Test
    void topErrorsListsTheMostCommonCodesFirstWithTiesInCodeOrder() {
        record(5, OOM);
        record(3, REFUSED);
        record(3, error(ErrorCategory.NETWORK, Severity.LOW, "NET_TIMEOUT"));
        record(1, CORRUPT);

        assertThat(analytics.topErrors(3)).containsExactly(
                new ErrorCount("GPU_OOM", 5), new ErrorCount("NET_CONNECTION_REFUSED", 3), new ErrorCount("NET_TIMEOUT", 3));
        assertThat(analytics.topErrors(10)).hasSize(4);
        assertThat(analytics.topErrors(0)).isEmpty();
        assertThatThrownBy(() -> analytics.topErrors(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("limit");
    }

    @Test
    void countsByCategoryAndSeverityIncludeEveryKey() {
        record(2, OOM);
        record(3, REFUSED);
        record(1, CORRUPT);

        Map<ErrorCategory, Long> byCategory = analytics.countsByCategory();
        assertThat(byCategory.keySet()).containsExactly(ErrorCategory.values());
        assertThat(byCategory).containsEntry(ErrorCategory.MEMORY, 2L).containsEntry(ErrorCategory.NETWORK, 3L)
                .containsEntry(ErrorCategory.MODEL, 1L).containsEntry(ErrorCategory.UNKNOWN, 0L);
        assertThat(analytics.countsBySeverity()).containsExactly(Map.entry(Severity.LOW, 3L),
                Map.entry(Severity.MEDIUM, 0L), Map.entry(Severity.HIGH, 2L), Map.entry(Severity.CRITICAL, 1L));
    }

    @Test
    void recoveryRateIsRecoveredOverTotal() {
        assertThat(analytics.recoveryRate()).isZero();

        analytics.recordRecovered(REFUSED, "comfyui");
        analytics.recordRecovered(REFUSED, "comfyui");
        analytics.recordRecovered(OOM, "sampler");
        analytics.record(CORRUPT, "loader");

        assertThat(analytics.recoveryRate()).isEqualTo(0.75);
    }

    @Test
    void recentCriticalListsTheNewestCriticalRecordsFirst() {
        for (int i = 0; i < 4; i++) {
            analytics.record(CORRUPT, "loader-" + i);
            analytics.record(OOM, "sampler-" + i);
        }

        assertThat(analytics.recentCritical(2)).extracting(ErrorRecord::source).containsExactly("loader-3", "loader-2");
        assertThat(analytics.recentCritical(10)).hasSize(4).allMatch(r -> r.severity() == Severity.CRITICAL);
    }

    @Test
    void reportGathersEveryFigure() {
        ErrorAnalytics small = ErrorAnalytics.builder("render").clock(clock).topErrorsLimit(1)
                .recentCriticalLimit(1).window(Duration.ofMinutes(2)).build();
        small.record(OOM, "sampler");
        small.record(OOM, "sampler");
        small.recordRecovered(REFUSED, "comfyui");
        small.record(CORRUPT, "loader-1");
        small.record(CORRUPT, "loader-2");

        AnalyticsReport report = small.report();

        assertThat(report.name()).isEqualTo("render");
        assertThat(report.generatedAt()).isEqualTo(clock.instant());
        assertThat(report.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(report.totalErrors()).isEqualTo(5);
        assertThat(report.recoveredErrors()).isEqualTo(1);
        assertThat(report.recoveryRate()).isEqualTo(0.2);
        assertThat(report.errorsInWindow()).isEqualTo(5);
        assertThat(report.errorRatePerMinute()).isEqualTo(2.5);
        assertThat(report.byCategory()).containsEntry(ErrorCategory.MODEL, 2L);
        assertThat(report.bySeverity()).containsEntry(Severity.CRITICAL, 2L);
        assertThat(report.topErrors()).containsExactly(new ErrorCount("GPU_OOM", 2));
        assertThat(report.recentCritical()).extracting(ErrorRecord::source).containsExactly("loader-2");
        assertThat(report.historySize()).isEqualTo(5);
        assertThatThrownBy(() -> report.byCategory().put(ErrorCategory.MODEL, 0L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyReportHasZerosEverywhere() {
        AnalyticsReport report = analytics.report();

        assertThat(report.totalErrors()).isZero();
        assertThat(report.recoveryRate()).isZero();
        assertThat(report.errorRatePerMinute()).isZero();
        assertThat(report.byCategory().values()).containsOnly(0L);
        assertThat(report.topErrors()).isEmpty();
        assertThat(report.recentCritical()).isEmpty();
    }

    private void record(int times, Classification classification) {
        for (int i = 0; i < times; i++) {
            analytics.record(classification, "test");
        }
    }
}
