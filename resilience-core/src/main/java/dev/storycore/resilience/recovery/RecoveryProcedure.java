package dev.storycore.resilience.recovery;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.internal.Checks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ordered recovery strategies per {@link ErrorCategory}, run one after another until one recovers.
 *
 * <p>{@link #recover} runs the strategies of the failure's category in order and stops at the first
 * {@link ActionResult.Recovered}. A strategy that fails, does not apply, or throws is recorded and the
 * next one runs; nothing a strategy throws escapes, except that an {@link InterruptedException} ends
 * the run (the interrupt flag is restored). A category without strategies is simply not recovered.
 * The run happens on the caller's thread, whatever the classification's disposition; deciding
 * whether to recover at all is the caller's business.
 *
 * <p>The seed design's strategies exist as named slots ({@link #SEED_STRATEGIES}); a slot without an
 * implementation reports {@link ActionResult.NotApplicable} {@code "no implementation bound"} and is
 * skipped, so users bind real functions by name: {@code seedDefaults(Map.of("clear_cache", ...))}.
 *
 * <p>Thread-safe: concurrent runs are independent, and the history and statistics are lock-free.
 * Strategies shared by concurrent runs must be thread-safe themselves.
 */
public interface RecoveryProcedure {

    /** The seed design's strategy names per category, in the order they run. */
    Map<ErrorCategory, List<String>> SEED_STRATEGIES = seedStrategies();

    private static Map<ErrorCategory, List<String>> seedStrategies() {
        Map<ErrorCategory, List<String>> seed = new EnumMap<>(ErrorCategory.class);
        seed.put(ErrorCategory.NETWORK, List.of("retry_connection", "use_backup_endpoint", "enable_offline_mode"));
        seed.put(ErrorCategory.MEMORY, List.of("clear_cache", "reduce_batch_size", "enable_optimization"));
        seed.put(ErrorCategory.MODEL, List.of("reload_model", "use_fallback_model", "download_model"));
        seed.put(ErrorCategory.WORKFLOW, List.of("restart_workflow", "use_simpler_workflow", "skip_optional_steps"));
        return java.util.Collections.unmodifiableMap(seed);
    }

    /**
     * Starts an empty builder with the defaults listed on {@link Builder}.
     *
     * @param name the name
     * @return a builder
     */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A procedure named {@code "recovery"} with the seed slots, some bound to implementations.
     *
     * @param bindings implementations by slot name; the other slots stay unbound
     * @return the procedure
     * @throws IllegalArgumentException if a binding names no seed slot
     */
    static RecoveryProcedure seedDefaults(Map<String, ? extends RecoveryAction> bindings) {
        return builder("recovery").seedDefaults().bindAll(bindings).build();
    }

    /**
     * A procedure with the given configuration.
     *
     * @param config the configuration
     * @return the procedure
     */
    static RecoveryProcedure of(RecoveryConfig config) {
        return new DefaultRecoveryProcedure(config);
    }

    /**
     * The name.
     *
     * @return the configured name
     */
    String name();

    /**
     * The configuration.
     *
     * @return the immutable configuration
     */
    RecoveryConfig config();

    /**
     * Runs the strategies of the failure's category until one recovers.
     *
     * @param classification what the failure was; its category picks the strategies
     * @param failure        the failure
     * @return what happened, also added to the history
     */
    default RecoveryResult recover(Classification classification, Throwable failure) {
        return recover(classification, failure, Map.of());
    }

    /**
     * Runs the strategies of the failure's category until one recovers, giving each the attributes.
     *
     * @param classification what the failure was; its category picks the strategies
     * @param failure        the failure
     * @param attributes     opaque values for the strategies, e.g. the request that failed
     * @return what happened, also added to the history
     */
    RecoveryResult recover(Classification classification, Throwable failure, Map<String, ?> attributes);

    /**
     * The newest results, oldest first, at most {@code historySize}.
     *
     * @return an immutable list
     */
    List<RecoveryResult> history();

    /**
     * The counters since the procedure was built.
     *
     * @return a snapshot
     */
    RecoveryStatistics statistics();

    /**
     * Builds a {@link RecoveryProcedure}. Not thread-safe; {@link #build()} copies.
     *
     * <p>Defaults: no strategies, a history of 100 results, {@link Clock#system()}.
     */
    final class Builder {
        private final String name;
        private final Map<ErrorCategory, List<RecoveryStrategy>> strategies = new EnumMap<>(ErrorCategory.class);
        private final Map<String, RecoveryAction> bindings = new LinkedHashMap<>();
        private int historySize = 100;
        private Clock clock = Clock.system();

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        Builder(RecoveryConfig config) {
            this(config.name());
            config.strategies().forEach((category, list) -> strategies.put(category, new ArrayList<>(list)));
            historySize = config.historySize();
            clock = config.clock();
        }

        /**
         * Appends a strategy to a category; strategies run in the order they were added.
         *
         * @param category the category it recovers from
         * @param name     its name, unique within the category
         * @param action   what it does
         * @return this builder
         */
        public Builder strategy(ErrorCategory category, String name, RecoveryAction action) {
            return strategy(category, new RecoveryStrategy(name, action));
        }

        /**
         * Appends a strategy to a category.
         *
         * @param category the category it recovers from
         * @param strategy the strategy
         * @return this builder
         */
        public Builder strategy(ErrorCategory category, RecoveryStrategy strategy) {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(strategy, "strategy");
            strategies.computeIfAbsent(category, c -> new ArrayList<>()).add(strategy);
            return this;
        }

        /**
         * Appends an unbound slot to a category, to be bound with {@link #bind}.
         *
         * @param category the category
         * @param name     the slot's name
         * @return this builder
         */
        public Builder slot(ErrorCategory category, String name) {
            return strategy(category, RecoveryStrategy.unbound(name));
        }

        /**
         * Appends the seed design's slots ({@link RecoveryProcedure#SEED_STRATEGIES}), unbound.
         *
         * @return this builder
         */
        public Builder seedDefaults() {
            SEED_STRATEGIES.forEach((category, names) -> names.forEach(slotName -> slot(category, slotName)));
            return this;
        }

        /**
         * Binds an implementation to every strategy or slot of that name, at {@link #build()}.
         *
         * @param name   the strategy's name
         * @param action the implementation
         * @return this builder
         */
        public Builder bind(String name, RecoveryAction action) {
            bindings.put(Checks.name(name, "name"), Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Binds several implementations by name.
         *
         * @param actions implementations by strategy name
         * @return this builder
         */
        public Builder bindAll(Map<String, ? extends RecoveryAction> actions) {
            actions.forEach(this::bind);
            return this;
        }

        /**
         * How many of the newest results the history keeps. Default 100; at least 1.
         *
         * @param size the capacity
         * @return this builder
         */
        public Builder historySize(int size) {
            this.historySize = size;
            return this;
        }

        /**
         * The source of time, for durations and timestamps. Default {@link Clock#system()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The configuration so far, with the bindings applied.
         *
         * @return an immutable configuration
         * @throws IllegalArgumentException naming the parameter at fault, e.g. a binding that names
         *                                  no strategy
         */
        public RecoveryConfig buildConfig() {
            Map<ErrorCategory, List<RecoveryStrategy>> bound = new EnumMap<>(ErrorCategory.class);
            strategies.forEach((category, list) -> bound.put(category, list.stream()
                    .map(s -> bindings.containsKey(s.name()) ? new RecoveryStrategy(s.name(), bindings.get(s.name())) : s)
                    .toList()));
            for (String bindingName : bindings.keySet()) {
                if (strategies.values().stream().flatMap(List::stream).noneMatch(s -> s.name().equals(bindingName))) {
                    throw new IllegalArgumentException("bindings name '" + bindingName
                            + "', which is no strategy of procedure '" + name + "'");
                }
            }
            return new RecoveryConfig(name, bound, historySize, clock);
        }

        /**
         * Builds the procedure.
         *
         * @return a new procedure with empty history and statistics
         * @throws IllegalArgumentException naming the parameter at fault
         */
        public RecoveryProcedure build() {
            return new DefaultRecoveryProcedure(buildConfig());
        }
    }
}
