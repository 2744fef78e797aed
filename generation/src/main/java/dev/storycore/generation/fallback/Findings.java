package dev.storycore.generation.fallback;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problem sentences and the worst status seen while one thing is checked. Not thread-safe;
 * one instance per check.
 */
final class Findings {

    /** At most this many sentences are kept; the rest are counted in one closing sentence. */
    static final int MAX_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();
    private int dropped;
    private ComponentStatus status = ComponentStatus.OK;

    void add(ComponentStatus severity, String problem) {
        status = status.worse(severity);
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            dropped++;
        }
    }

    void addAll(ComponentStatus severity, List<String> more) {
        for (String problem : more) {
            add(severity, problem);
        }
    }

    ComponentStatus status() {
        return status;
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add("… and " + dropped + " more problems");
        }
        return List.copyOf(all);
    }
}
