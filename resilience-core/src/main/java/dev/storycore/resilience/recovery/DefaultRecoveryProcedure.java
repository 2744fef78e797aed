package dev.storycore.resilience.recovery;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lock-free {@link RecoveryProcedure}.
 *
 * <p>Implementation notes: strategies and their counters are fixed at construction and only read
 * afterwards. The history is one immutable list in one {@link AtomicReference}, replaced by CAS with
 * a copy that drops the oldest entry; that costs O(historySize) per run, which is nothing next to
 * the recovery work itself (a run follows a failure, not every call).
 */
final class DefaultRecoveryProcedure implements RecoveryProcedure {

    private static final System.Logger LOG = System.getLogger("dev.storycore.resilience.recovery");
    private static final ActionResult NOT_BOUND = ActionResult.notApplicable("no implementation bound");

    private record Slot(ErrorCategory category, RecoveryStrategy strategy,
                        LongAdder successes, LongAdder failures, LongAdder notApplicable) {
        Slot(ErrorCategory category, RecoveryStrategy strategy) {
            this(category, strategy, new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private record Step(StrategyAttempt attempt, boolean interrupted) {
    }

    private final RecoveryConfig config;
    private final Clock clock;
    private final Map<ErrorCategory, List<Slot>> slots = new EnumMap<>(ErrorCategory.class);
    private final LongAdder runs = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final AtomicReference<List<RecoveryResult>> history = new AtomicReference<>(List.of());

    DefaultRecoveryProcedure(RecoveryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = config.clock();
        config.strategies().forEach((category, strategies) ->
                slots.put(category, strategies.stream().map(s -> new Slot(category, s)).toList()));
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public RecoveryConfig config() {
        return config;
    }

    @Override
    public RecoveryResult recover(Classification classification, Throwable failure, Map<String, ?> attributes) {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(failure, "failure");
        Map<String, Object> context = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        Instant startedAt = clock.instant();
        long start = clock.nanoTime();
        List<StrategyAttempt> attempts = new ArrayList<>();
        boolean success = false;
        for (Slot slot : slots.getOrDefault(classification.category(), List.of())) {
            Step step = run(slot, new RecoveryContext(classification, failure, slot.strategy().name(),
                    attempts.size() + 1, attempts, context));
            attempts.add(step.attempt());
            count(slot, step.attempt().result());
            if (step.attempt().result().isRecovered()) {
                success = true;
                break;
            }
            if (step.interrupted()) {
                break;
            }
        }
        var result = new RecoveryResult(classification, startedAt, success, attempts,
                Duration.ofNanos(clock.nanoTime() - start));
        runs.increment();
        if (success) {
            recovered.increment();
        }
        remember(result);
        return result;
    }

    private Step run(Slot slot, RecoveryContext context) {
        RecoveryStrategy strategy = slot.strategy();
        if (!strategy.bound()) {
            return new Step(new StrategyAttempt(strategy.name(), NOT_BOUND, Duration.ZERO), false);
        }
        long start = clock.nanoTime();
        ActionResult result;
        boolean interrupted = false;
        try {
            result = strategy.action().attempt(context);
            if (result == null) {
                result = ActionResult.failed("strategy returned no result");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            result = ActionResult.failed("interrupted");
        } catch (Exception | LinkageError | AssertionError | OutOfMemoryError | StackOverflowError e) {
            LOG.log(Level.WARNING, "Recovery strategy " + strategy.name() + " of " + name() + " threw", e);
            result = ActionResult.failed("threw " + e);
        }
        Duration took = Duration.ofNanos(clock.nanoTime() - start);
        return new Step(new StrategyAttempt(strategy.name(), result, took), interrupted);
    }

    private static void count(Slot slot, ActionResult result) {
        switch (result) {
            case ActionResult.Recovered r -> slot.successes().increment();
            case ActionResult.Failed f -> slot.failures().increment();
            case ActionResult.NotApplicable n -> slot.notApplicable().increment();
        }
    }

    private void remember(RecoveryResult result) {
        int capacity = config.historySize();
        history.updateAndGet(current -> {
            int keep = Math.min(current.size(), capacity - 1);
            var next = new ArrayList<RecoveryResult>(keep + 1);
            next.addAll(current.subList(current.size() - keep, current.size()));
            next.add(result);
            return List.copyOf(next);
        });
    }

    @Override
    public List<RecoveryResult> history() {
        return history.get();
    }

    @Override
    public RecoveryStatistics statistics() {
        List<RecoveryStatistics.StrategyStatistics> perStrategy = new ArrayList<>();
        slots.values().forEach(list -> list.forEach(slot -> {
            long successes = slot.successes().sum();
            long failures = slot.failures().sum();
            long notApplicable = slot.notApplicable().sum();
            perStrategy.add(new RecoveryStatistics.StrategyStatistics(slot.category(), slot.strategy().name(),
                    slot.strategy().bound(), successes + failures + notApplicable, successes, failures, notApplicable));
        }));
        // recovered first: a run is counted in runs before in recovered, so runs >= recovered
        long recoveredRuns = recovered.sum();
        return new RecoveryStatistics(runs.sum(), recoveredRuns, perStrategy);
    }

    @Override
    public String toString() {
        return "RecoveryProcedure[" + name() + ", " + slots.keySet() + "]";
    }
}
