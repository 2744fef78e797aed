package dev.storycore.resilience.recovery;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable configuration of a {@link RecoveryProcedure}; see {@link RecoveryProcedure.Builder}.
 *
 * @param name        the name
 * @param strategies  the strategies of each category, in the order they run; categories without
 *                    strategies are absent
 * @param historySize how many of the newest results the history keeps
 * @param clock       the source of time
 */
public record RecoveryConfig(
        String name, Map<ErrorCategory, List<RecoveryStrategy>> strategies, int historySize, Clock clock) {

    /**
     * Checks every value and copies the strategies.
     *
     * @throws IllegalArgumentException naming the first parameter that is out of range, e.g. a
     *                                  strategy name used twice in one category
     */
    public RecoveryConfig {
        Checks.name(name, "name");
        strategies = copy(strategies);
        Checks.atLeastOne(historySize, "historySize");
        Objects.requireNonNull(clock, "clock");
    }

    private static Map<ErrorCategory, List<RecoveryStrategy>> copy(Map<ErrorCategory, List<RecoveryStrategy>> given) {
        Map<ErrorCategory, List<RecoveryStrategy>> copy = new EnumMap<>(ErrorCategory.class);
        given.forEach((category, list) -> {
            Objects.requireNonNull(category, "strategies");
            var names = new HashSet<String>();
            for (RecoveryStrategy strategy : list) {
                if (!names.add(strategy.name())) {
                    throw new IllegalArgumentException("strategies of " + category + " name '"
                            + strategy.name() + "' more than once");
                }
            }
            if (!list.isEmpty()) {
                copy.put(category, List.copyOf(list));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The strategies of one category.
     *
     * @param category the category
     * @return an immutable list, empty if the category has none
     */
    public List<RecoveryStrategy> strategiesFor(ErrorCategory category) {
        return strategies.getOrDefault(Objects.requireNonNull(category, "category"), List.of());
    }

    /**
     * A builder holding these values, to derive a changed configuration.
     *
     * @return a new builder
     */
    public RecoveryProcedure.Builder toBuilder() {
        return new RecoveryProcedure.Builder(this);
    }
}
