package dev.storycore.generation.errors;

import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One line of the classification table: when a report matches, it is this code, in this category,
 * with this disposition and severity, described by this message template and guidance (see
 * {@link MessageTemplate} for the placeholders). Several rules may share a code when different
 * evidence means the same thing. Rules are written as
 * <pre>
 * Rule.of("torch-oom", "GPU_OOM", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
 *     .when(any(type("OutOfMemoryError"), phrase("cuda out of memory")))
 *     .says("GPU out of memory[ running {model}].")
 *     .advises("Lower the resolution or the frame count.")
 * </pre>
 * Immutable and thread-safe when its predicate and facts function are.
 *
 * @param name        a short name for logs and tests
 * @param code        the stable code, UPPER_SNAKE
 * @param category    the generation category
 * @param disposition what to do about it
 * @param severity    how bad it is
 * @param condition   when the rule applies
 * @param message     the message template
 * @param guidance    guidance templates, one line each
 * @param facts       extra placeholder values read from the report
 */
record Rule(
        String name,
        String code,
        GenerationErrorCategory category,
        Disposition disposition,
        Severity severity,
        Predicate<ErrorReport> condition,
        String message,
        List<String> guidance,
        Function<ErrorReport, Map<String, String>> facts) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    private static final Function<ErrorReport, Map<String, String>> NO_FACTS = report -> Map.of();

    /** Checks the parts; the code must be UPPER_SNAKE. */
    Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be UPPER_SNAKE, was " + code);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(message, "message");
        guidance = List.copyOf(guidance);
        Objects.requireNonNull(facts, "facts");
    }

    /**
     * Starts a rule that matches nothing until {@link #when} says otherwise.
     *
     * @return the rule
     */
    static Rule of(String name, String code, GenerationErrorCategory category, Disposition disposition,
            Severity severity) {
        return new Rule(name, code, category, disposition, severity, report -> false, "", List.of(), NO_FACTS);
    }

    /** This rule applying when the condition holds. */
    Rule when(Predicate<ErrorReport> newCondition) {
        return new Rule(name, code, category, disposition, severity, newCondition, message, guidance, facts);
    }

    /** This rule with a message template. */
    Rule says(String template) {
        return new Rule(name, code, category, disposition, severity, condition, template, guidance, facts);
    }

    /** This rule with guidance templates, one line each. */
    Rule advises(String... lines) {
        return new Rule(name, code, category, disposition, severity, condition, message, List.of(lines), facts);
    }

    /** This rule reading extra placeholder values from the report. */
    Rule reads(Function<ErrorReport, Map<String, String>> newFacts) {
        return new Rule(name, code, category, disposition, severity, condition, message, guidance, newFacts);
    }

    /**
     * Whether the rule applies to a report.
     *
     * @param report the report
     * @return {@code true} if it applies
     */
    boolean matches(ErrorReport report) {
        return condition.test(report);
    }
}
