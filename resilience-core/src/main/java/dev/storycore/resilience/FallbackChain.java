package dev.storycore.resilience;

import dev.storycore.resilience.FallbackChainExhaustedException.LevelFailure;
import dev.storycore.resilience.internal.Checks;
import dev.storycore.resilience.internal.Listeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Named levels tried in order until one delivers: primary → reduced → minimal → placeholder. Each
 * level is a function of the original input, so a level can change the request (a lower resolution, a
 * lighter model) instead of merely returning a canned value.
 *
 * <p>A failure falls through to the next level when the chain's {@code fallThroughIf} predicate
 * accepts it (default: every {@link Exception}; errors such as {@link OutOfMemoryError} of the JVM
 * itself and anything the predicate rejects are rethrown at once). When every level failed,
 * {@link FallbackChainExhaustedException} carries each level's failure.
 *
 * <p>Thread-safe: immutable apart from statistics counters.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class FallbackChain<I, O> {

    /** How a level's call is run; a pipeline passes one that applies its inner policies. */
    interface LevelInvoker {
        /** Runs the call, applying whatever policies the invoker stands for. */
        <T> T invoke(Call<T> call) throws Exception;
    }

    private static final LevelInvoker DIRECT = Call::call;

    private record Level<I, O>(String name, CheckedFunction<? super I, ? extends O> function,
                               LongAdder attempts, LongAdder successes, LongAdder failures) {
    }

    private final String name;
    private final List<Level<I, O>> levels;
    private final Predicate<? super Throwable> fallThroughIf;
    private final Consumer<? super FallbackEvent> listener;
    private final boolean hasListener;

    private FallbackChain(Builder<I, O> builder) {
        this.name = builder.name;
        this.levels = List.copyOf(builder.levels);
        this.fallThroughIf = builder.fallThroughIf;
        this.listener = builder.listener;
        this.hasListener = builder.hasListener;
    }

    /**
     * Starts a chain.
     *
     * @param name the chain's name, used in exceptions, events and statistics
     * @param <I>  the input type
     * @param <O>  the output type
     * @return a builder
     */
    public static <I, O> Builder<I, O> builder(String name) {
        return new Builder<>(Checks.name(name, "name"));
    }

    /**
     * The chain's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The level names in the order they are tried.
     *
     * @return an immutable list
     */
    public List<String> levelNames() {
        return levels.stream().map(Level::name).toList();
    }

    /**
     * Tries the levels in order and returns the first result.
     *
     * @param input the original input, given to every level
     * @return the first level's result that did not fail
     * @throws FallbackChainExhaustedException when every level failed
     */
    public O execute(I input) {
        return executeWithLevel(input).value();
    }

    /**
     * Tries the levels in order and says which one delivered.
     *
     * @param input the original input, given to every level
     * @return the result with its level
     * @throws FallbackChainExhaustedException when every level failed
     */
    public FallbackResult<O> executeWithLevel(I input) {
        return run(input, DIRECT);
    }

    /**
     * Tries the levels in order; never throws for a level's failure.
     *
     * @param input the original input
     * @return a success with the first result, or a failure carrying the exhaustion exception
     */
    public Outcome<O> executeOutcome(I input) {
        try {
            return new Outcome.Success<>(execute(input));
        } catch (RuntimeException e) {
            return new Outcome.Failure<>(e, ErrorClassifier.defaults().classify(e));
        }
    }

    FallbackResult<O> run(I input, LevelInvoker invoker) {
        Objects.requireNonNull(input, "input");
        List<LevelFailure> failures = new ArrayList<>(2);
        for (int index = 0; index < levels.size(); index++) {
            Level<I, O> level = levels.get(index);
            level.attempts().increment();
            try {
                O value = invoker.invoke(() -> level.function().apply(input));
                level.successes().increment();
                if (hasListener) {
                    Listeners.deliver(listener, new FallbackEvent.LevelSucceeded(name, level.name(), index));
                }
                return new FallbackResult<>(value, level.name(), index, failures);
            } catch (Throwable failure) {
                level.failures().increment();
                if (!(failure instanceof Exception) || !fallThroughIf.test(failure)) {
                    throw CallFailedException.rethrow(failure);
                }
                failures.add(new LevelFailure(level.name(), failure));
                if (hasListener) {
                    Listeners.deliver(listener, new FallbackEvent.LevelFailed(name, level.name(), index, failure));
                }
            }
        }
        if (hasListener) {
            Listeners.deliver(listener, new FallbackEvent.Exhausted(name, levels.size()));
        }
        throw new FallbackChainExhaustedException(name, failures);
    }

    /**
     * Per-level counters, in level order.
     *
     * @return a snapshot
     */
    public List<LevelStatistics> statistics() {
        return levels.stream()
                .map(l -> new LevelStatistics(l.name(), l.attempts().sum(), l.successes().sum(), l.failures().sum()))
                .toList();
    }

    /**
     * One level's counters.
     *
     * @param level     the level's name
     * @param attempts  how often it ran
     * @param successes how often it delivered
     * @param failures  how often it failed
     */
    public record LevelStatistics(String level, long attempts, long successes, long failures) {
    }

    /**
     * Builds a {@link FallbackChain}. Not thread-safe; {@link #build()} copies.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> {
        private final String name;
        private final List<Level<I, O>> levels = new ArrayList<>();
        private Predicate<? super Throwable> fallThroughIf = failure -> true;
        private Consumer<? super FallbackEvent> listener = event -> { };
        private boolean hasListener;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds the next level.
         *
         * @param levelName the level's name, unique in this chain
         * @param function  what the level does with the original input
         * @return this builder
         */
        public Builder<I, O> level(String levelName, CheckedFunction<? super I, ? extends O> function) {
            Checks.name(levelName, "levelName");
            Objects.requireNonNull(function, "function");
            if (levels.stream().anyMatch(l -> l.name().equals(levelName))) {
                throw new IllegalArgumentException("levelName '" + levelName + "' is already in chain '" + name + "'");
            }
            levels.add(new Level<>(levelName, function, new LongAdder(), new LongAdder(), new LongAdder()));
            return this;
        }

        /**
         * Which failures move on to the next level; others are rethrown at once. Default: every
         * {@link Exception}.
         *
         * @param predicate the test
         * @return this builder
         */
        public Builder<I, O> fallThroughIf(Predicate<? super Throwable> predicate) {
            this.fallThroughIf = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * Adds a listener; several may be added. A listener that throws is logged and ignored.
         *
         * @param added the listener
         * @return this builder
         */
        public Builder<I, O> listener(Consumer<? super FallbackEvent> added) {
            Objects.requireNonNull(added, "listener");
            Consumer<? super FallbackEvent> previous = this.listener;
            this.listener = hasListener
                    ? event -> { Listeners.deliver(previous, event); Listeners.deliver(added, event); }
                    : added;
            this.hasListener = true;
            return this;
        }

        /**
         * Builds the chain.
         *
         * @return the chain
         * @throws IllegalArgumentException if no level was added
         */
        public FallbackChain<I, O> build() {
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("levels must not be empty: add at least one level to '" + name + "'");
            }
            return new FallbackChain<>(this);
        }
    }
}
