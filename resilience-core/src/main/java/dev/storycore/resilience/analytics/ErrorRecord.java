package dev.storycore.resilience.analytics;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One failure as {@link ErrorAnalytics} keeps it.
 *
 * @param timestamp      when it happened
 * @param classification what it was
 * @param source         where it happened: a policy, a workflow, an operation name
 * @param recovered      whether the work went on anyway, by retry, fallback or recovery procedure
 */
public record ErrorRecord(Instant timestamp, Classification classification, String source, boolean recovered) {

    /** Checks that nothing is null. */
    public ErrorRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The classification's category.
     *
     * @return the category
     */
    public ErrorCategory category() {
        return classification.category();
    }

    /**
     * The classification's severity.
     *
     * @return the severity
     */
    public Severity severity() {
        return classification.severity();
    }

    /**
     * The classification's stable code.
     *
     * @return the code
     */
    public String code() {
        return classification.code();
    }
}
