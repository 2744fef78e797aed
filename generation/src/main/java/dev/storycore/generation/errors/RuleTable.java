package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole classification table, in the order rules are tried; the first match wins.
 *
 * <p>Implementation notes: the order puts the most telling evidence first. Cancellation; then
 * ComfyUI's own validation verdicts; then memory, because an out-of-memory traceback often mentions
 * loaders, hubs or timeouts on its way; then damaged weights; then the hub, before generic network
 * rules, so a refused connection to huggingface.co is a download problem and one to the backend is
 * not; then hardware, model loading, frame counts, other inputs and inference; last, what the failed
 * node's kind says, and the catch-all {@code UNKNOWN}. The table checks at start-up that every code
 * keeps one category, disposition and severity across its rules, so a code always means the same thing.
 */
final class RuleTable {

    private static final List<Rule> RULES = build();

    private RuleTable() {
    }

    /** The rules in order; the last one matches everything. */
    static List<Rule> rules() {
        return RULES;
    }

    /** Every code the table can produce, in table order. */
    static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        RULES.forEach(r -> codes.add(r.code()));
        return Collections.unmodifiableSet(codes);
    }

    private static List<Rule> build() {
        List<Rule> rules = Stream.of(
                        WorkflowRules.interruption(),
                        ValidationRules.rules(),
                        MemoryRules.rules(),
                        IntegrityRules.rules(),
                        DownloadRules.rules(),
                        NetworkRules.rules(),
                        HardwareRules.rules(),
                        LoadingRules.rules(),
                        FrameRules.rules(),
                        InputRules.rules(),
                        InferenceRules.rules(),
                        WorkflowRules.fallbacks())
                .flatMap(List::stream)
                .toList();
        check(rules);
        return rules;
    }

    private static void check(List<Rule> rules) {
        Map<String, Rule> byCode = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            if (!names.add(rule.name())) {
                problems.add("duplicate rule name " + rule.name());
            }
            if (rule.message().isBlank()) {
                problems.add("rule " + rule.name() + " has no message");
            }
            Rule first = byCode.putIfAbsent(rule.code(), rule);
            if (first != null && (first.category() != rule.category() || first.disposition() != rule.disposition()
                    || first.severity() != rule.severity())) {
                problems.add("code " + rule.code() + " differs between rules " + first.name() + " and " + rule.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("rule table is inconsistent: " + problems);
        }
    }
}
