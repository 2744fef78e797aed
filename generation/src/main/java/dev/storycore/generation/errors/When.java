package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The vocabulary rule conditions are written in: phrases, patterns, exception types, node kinds,
 * HTTP statuses and ComfyUI validation errors, combined with {@link #any}, {@link #all} and
 * {@link #not}. Phrases and patterns ignore case. Every predicate is immutable and thread-safe;
 * patterns are compiled once, when the rule table is built.
 */
final class When {

    private When() {
    }

    /** The text contains any of the phrases (give them in lower case). */
    static Predicate<ErrorReport> phrase(String... phrases) {
        List<String> lower = Arrays.stream(phrases).map(p -> p.toLowerCase(Locale.ROOT)).toList();
        return report -> {
            String text = report.lower();
            for (String p : lower) {
                if (text.contains(p)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The text contains a match of the regular expression (case-insensitive, multi-line). */
    static Predicate<ErrorReport> pattern(String regex) {
        Pattern compiled = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        return report -> compiled.matcher(report.text()).find();
    }

    /** The report names an exception type with one of these simple names, e.g. {@code OutOfMemoryError}. */
    static Predicate<ErrorReport> type(String... simpleNames) {
        Set<String> names = Set.of(simpleNames);
        return report -> {
            for (String name : report.typeNames()) {
                if (names.contains(name)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The Java exception chain holds an instance of one of these classes, named in full. */
    static Predicate<ErrorReport> javaType(String... classNames) {
        Set<String> names = Set.of(classNames);
        return report -> {
            for (Class<?> type : report.javaTypes()) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    if (names.contains(c.getName())) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** The failed ComfyUI node is of one of these kinds. */
    static Predicate<ErrorReport> node(NodeKind... kinds) {
        Set<NodeKind> set = Set.of(kinds);
        return report -> set.contains(report.nodeKind());
    }

    /** The text states one of these HTTP statuses. */
    static Predicate<ErrorReport> status(int... statuses) {
        int[] copy = statuses.clone();
        return report -> Arrays.stream(copy).anyMatch(s -> s == report.httpStatus());
    }

    /** The text states an HTTP status in {@code [from, to]}. */
    static Predicate<ErrorReport> statusBetween(int from, int to) {
        return report -> report.httpStatus() >= from && report.httpStatus() <= to;
    }

    /** Some ComfyUI validation error passes the test. */
    static Predicate<ErrorReport> nodeError(Predicate<NodeError> test) {
        return report -> report.nodeErrors().stream().anyMatch(test);
    }

    /** Some ComfyUI validation error has one of these types. */
    static Predicate<ErrorReport> nodeErrorType(String... types) {
        return nodeError(e -> e.is(types));
    }

    /** ComfyUI's error type for the prompt or event is one of these. */
    static Predicate<ErrorReport> errorType(String... types) {
        Set<String> set = Set.of(types);
        return report -> set.contains(report.errorType());
    }

    /** The report came from one of these sources. */
    static Predicate<ErrorReport> source(ErrorReport.Source... sources) {
        Set<ErrorReport.Source> set = Set.of(sources);
        return report -> set.contains(report.source());
    }

    /** Any of the conditions holds. */
    @SafeVarargs
    static Predicate<ErrorReport> any(Predicate<ErrorReport>... conditions) {
        List<Predicate<ErrorReport>> list = new ArrayList<>(conditions.length);
        for (Predicate<ErrorReport> c : conditions) {
            list.add(Objects.requireNonNull(c, "condition"));
        }
        return report -> list.stream().anyMatch(c -> c.test(report));
    }

    /** All of the conditions hold. */
    @SafeVarargs
    static Predicate<ErrorReport> all(Predicate<ErrorReport>... conditions) {
        List<Predicate<ErrorReport>> list = new ArrayList<>(conditions.length);
        for (Predicate<ErrorReport> c : conditions) {
            list.add(Objects.requireNonNull(c, "condition"));
        }
        return report -> list.stream().allMatch(c -> c.test(report));
    }

    /** The condition does not hold. */
    static Predicate<ErrorReport> not(Predicate<ErrorReport> condition) {
        return condition.negate();
    }
}
