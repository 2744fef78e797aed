package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways for a rule to read extra placeholder values out of a report: regular-expression captures and
 * their combinations. Every function returned is immutable and thread-safe.
 */
final class Facts {

    private Facts() {
    }

    /**
     * The groups of the first match of a regular expression (case-insensitive, multi-line), the
     * {@code i}-th group under the {@code i}-th name. Groups that did not take part are left out.
     *
     * @param regex the expression
     * @param names a name per group
     * @return the facts function
     */
    static Function<ErrorReport, Map<String, String>> capture(String regex, String... names) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        List<String> keys = List.of(names);
        return report -> {
            Matcher m = pattern.matcher(report.text());
            if (!m.find()) {
                return Map.of();
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < keys.size() && i < m.groupCount(); i++) {
                String value = m.group(i + 1);
                if (value != null && !value.isBlank()) {
                    values.put(keys.get(i), clean(value));
                }
            }
            return values;
        };
    }

    /**
     * The facts of several functions; the first to give a name wins.
     *
     * @param functions the functions, most trusted first
     * @return the combined function
     */
    @SafeVarargs
    static Function<ErrorReport, Map<String, String>> all(Function<ErrorReport, Map<String, String>>... functions) {
        List<Function<ErrorReport, Map<String, String>>> list = new ArrayList<>(functions.length);
        for (Function<ErrorReport, Map<String, String>> f : functions) {
            list.add(f);
        }
        return report -> {
            Map<String, String> values = new HashMap<>();
            for (Function<ErrorReport, Map<String, String>> f : list) {
                f.apply(report).forEach(values::putIfAbsent);
            }
            return values;
        };
    }

    /**
     * The same fact from the first of several regular expressions that matches, for messages
     * worded in several ways.
     *
     * @param name    the placeholder name
     * @param regexes expressions whose first group is the value, most specific first
     * @return the facts function
     */
    static Function<ErrorReport, Map<String, String>> firstOf(String name, String... regexes) {
        List<Pattern> patterns = Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE))
                .toList();
        return report -> {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(report.text());
                if (m.find() && m.group(1) != null && !m.group(1).isBlank()) {
                    return Map.of(name, clean(m.group(1)));
                }
            }
            return Map.of();
        };
    }

    /** A captured value without surrounding space or the sentence's closing punctuation. */
    private static String clean(String value) {
        return value.strip().replaceAll("[.,;:!]+$", "");
    }
}
