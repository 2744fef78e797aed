package dev.storycore.resilience.degradation;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Outcome;
import dev.storycore.resilience.internal.Listeners;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The lock-free {@link GracefulDegradation}.
 *
 * <p>Implementation notes: everything that decides the level lives in one immutable {@link State}
 * in one {@link AtomicReference}. Manual moves retry their CAS until they win; automatic moves make
 * one attempt against the state they evaluated, because if another thread changed it meanwhile, the
 * evaluation is stale and the next outcome will evaluate afresh. Each level change bumps the
 * generation, which empties the {@link OutcomeWindow} for the new level. "Noise" (a rate at or above
 * the restore threshold) pushes {@code quietSinceNanos} to the end of the current window bucket, so
 * the state is written at most once per bucket while the rate stays noisy, and the quiet period is
 * never shortened by noise seen earlier in the same bucket.
 */
final class DefaultGracefulDegradation implements GracefulDegradation {

    private static final System.Logger LOG = System.getLogger("dev.storycore.resilience.degradation");

    private record State(DegradationLevel level, String reason, Instant since, boolean automatic,
                         long generation, long quietSinceNanos) {
    }

    private final DegradationConfig config;
    private final Clock clock;
    private final boolean automaticMode;
    private final long quietPeriodNanos;
    private final OutcomeWindow window;
    private final AtomicReference<State> state;

    DefaultGracefulDegradation(DegradationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = config.clock();
        this.automaticMode = config.mode() == Mode.AUTOMATIC;
        this.quietPeriodNanos = config.quietPeriod().toNanos();
        this.window = new OutcomeWindow(config.window().toNanos());
        this.state = new AtomicReference<>(
                new State(DegradationLevel.FULL, "initial", clock.instant(), false, 0, clock.nanoTime()));
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public DegradationConfig config() {
        return config;
    }

    @Override
    public DegradationLevel level() {
        return state.get().level();
    }

    @Override
    public DegradationStatus status() {
        State current = state.get();
        return new DegradationStatus(current.level(), current.reason(), current.since(), current.automatic());
    }

    @Override
    public DegradationLevel degrade(String reason) {
        return moveByHand(DegradationLevel::lower, reason);
    }

    @Override
    public DegradationLevel degradeTo(DegradationLevel level, String reason) {
        Objects.requireNonNull(level, "level");
        return moveByHand(current -> level, reason);
    }

    @Override
    public DegradationLevel restoreOneLevel() {
        return moveByHand(DegradationLevel::higher, "restored one level");
    }

    private DegradationLevel moveByHand(UnaryOperator<DegradationLevel> target, String reason) {
        Objects.requireNonNull(reason, "reason");
        while (true) {
            State current = state.get();
            DegradationLevel to = target.apply(current.level());
            if (to == current.level()) {
                return to;
            }
            if (tryChange(current, to, reason, false)) {
                return to;
            }
        }
    }

    private boolean tryChange(State current, DegradationLevel to, String reason, boolean automatic) {
        State next = new State(to, reason, clock.instant(), automatic, current.generation() + 1, clock.nanoTime());
        if (!state.compareAndSet(current, next)) {
            return false;
        }
        LOG.log(Level.DEBUG, () -> "Degradation " + name() + ": " + current.level() + " -> " + to + " (" + reason + ")");
        var event = new DegradationEvent.LevelChanged(name(), current.level(), to, reason, automatic, next.since());
        for (var listener : config.listeners()) {
            Listeners.deliver(listener, event);
        }
        return true;
    }

    @Override
    public DegradationLevel record(Outcome<?> outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return switch (outcome) {
            case Outcome.Success<?> success -> observe(false);
            case Outcome.Failure<?> failure -> recordFailure(failure.classification());
            case Outcome.Rejected<?> rejected -> level();
        };
    }

    @Override
    public DegradationLevel recordSuccess() {
        return observe(false);
    }

    @Override
    public DegradationLevel recordFailure(Classification classification) {
        Objects.requireNonNull(classification, "classification");
        if (!automaticMode || !config.countsAsFailure().test(classification)) {
            return level();
        }
        return observe(true);
    }

    private DegradationLevel observe(boolean failure) {
        if (!automaticMode) {
            return level();
        }
        long now = clock.nanoTime();
        window.record(now, state.get().generation(), failure);
        evaluate(now);
        return level();
    }

    private void evaluate(long now) {
        State current = state.get();
        WindowSnapshot reading = window.snapshot(now, current.generation());
        if (reading.calls() < config.minimumCalls()) {
            return;
        }
        double rate = reading.errorRate();
        if (rate >= config.degradeThreshold() && current.level() != DegradationLevel.MINIMAL) {
            tryChange(current, current.level().lower(), describe("reached the degrade threshold",
                    rate, reading, config.degradeThreshold()), true);
        } else if (rate >= config.restoreThreshold()) {
            markNoisy(current, now);
        } else if (current.level() != DegradationLevel.FULL && now - current.quietSinceNanos() >= quietPeriodNanos) {
            tryChange(current, current.level().higher(), describe("stayed below the restore threshold",
                    rate, reading, config.restoreThreshold()) + " for " + config.quietPeriod(), true);
        }
    }

    private void markNoisy(State current, long now) {
        long bucketEnd = (window.indexAt(now) + 1) * window.bucketNanos();
        if (current.quietSinceNanos() < bucketEnd) {
            state.compareAndSet(current, new State(current.level(), current.reason(), current.since(),
                    current.automatic(), current.generation(), bucketEnd));
        }
    }

    private static String describe(String what, double rate, WindowSnapshot reading, double threshold) {
        return String.format(Locale.ROOT, "error rate %.2f over %d calls %s %.2f",
                rate, reading.calls(), what, threshold);
    }

    @Override
    public WindowSnapshot window() {
        if (!automaticMode) {
            return new WindowSnapshot(0, 0);
        }
        return window.snapshot(clock.nanoTime(), state.get().generation());
    }

    @Override
    public String toString() {
        return "GracefulDegradation[" + name() + ", " + level() + "]";
    }
}
