package dev.storycore.resilience.recovery;

import dev.storycore.resilience.ErrorCategory;
import java.util.List;
import java.util.Objects;

/**
 * Counters of a {@link RecoveryProcedure} since it was built.
 *
 * @param runs       calls to {@code recover}
 * @param recovered  of which ended recovered
 * @param strategies per strategy, in category order then strategy order
 */
public record RecoveryStatistics(long runs, long recovered, List<StrategyStatistics> strategies) {

    /** Copies the list. */
    public RecoveryStatistics {
        strategies = List.copyOf(strategies);
    }

    /**
     * Recovered runs divided by all runs.
     *
     * @return the rate in [0, 1]; 0 when nothing ran
     */
    public double recoveryRate() {
        return runs == 0 ? 0.0 : (double) recovered / runs;
    }

    /**
     * One strategy's counters. {@code attempts} counts every time the strategy was consulted and
     * equals the sum of the three outcomes.
     *
     * @param category      its category
     * @param strategy      its name
     * @param bound         whether an implementation is bound
     * @param attempts      times consulted
     * @param successes     times it recovered
     * @param failures      times it failed or threw
     * @param notApplicable times it did not apply
     */
    public record StrategyStatistics(ErrorCategory category, String strategy, boolean bound, long attempts,
                                     long successes, long failures, long notApplicable) {
        /** Checks that nothing is null. */
        public StrategyStatistics {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(strategy, "strategy");
        }
    }
}
