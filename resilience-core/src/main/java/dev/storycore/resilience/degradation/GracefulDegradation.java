package dev.storycore.resilience.degradation;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Lowers the quality of work in steps while the system is struggling and raises it again once it
 * recovers: {@link DegradationLevel#FULL} down to {@link DegradationLevel#MINIMAL}.
 *
 * <p>Levels move by hand ({@link #degrade}, {@link #degradeTo}, {@link #restore},
 * {@link #restoreOneLevel}) and, in {@link Mode#AUTOMATIC}, by the error rate of the outcomes fed to
 * {@link #record(Outcome)}: once the window holds {@code minimumCalls} calls and their error rate
 * reaches {@code degradeThreshold}, the level drops one step. It rises one step only when the rate is
 * below the lower {@code restoreThreshold} and no reading at or above that threshold was seen for a
 * whole {@code quietPeriod}. A rate between the two thresholds keeps the level, so it does not flap.
 * Every level change, by hand or automatic, starts a fresh window, so each further automatic step
 * needs {@code minimumCalls} new outcomes.
 *
 * <p>Thread-safe and lock-free. Listeners are called after the change, on the thread that made it;
 * with concurrent changes they may see events out of order.
 */
public interface GracefulDegradation {

    /** Whether outcomes move the level. */
    enum Mode {
        /** Only calls to degrade and restore move the level; recorded outcomes are ignored. */
        MANUAL,
        /** Recorded outcomes move the level too, with hysteresis. */
        AUTOMATIC
    }

    /**
     * Starts a builder with the defaults listed on {@link Builder}.
     *
     * @param name the name, used in events and logs
     * @return a builder
     * @throws IllegalArgumentException if the name is blank
     */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A manual degradation with every default.
     *
     * @param name the name
     * @return the degradation, at {@link DegradationLevel#FULL}
     */
    static GracefulDegradation ofDefaults(String name) {
        return builder(name).build();
    }

    /**
     * A degradation with the given configuration, at {@link DegradationLevel#FULL}.
     *
     * @param config the configuration
     * @return the degradation
     */
    static GracefulDegradation of(DegradationConfig config) {
        return new DefaultGracefulDegradation(config);
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
    DegradationConfig config();

    /**
     * The current level.
     *
     * @return the level
     */
    DegradationLevel level();

    /**
     * The current level with its reason and time, read atomically.
     *
     * @return a snapshot
     */
    DegradationStatus status();

    /**
     * Moves one level down; stays at {@link DegradationLevel#MINIMAL}.
     *
     * @param reason why, passed to listeners
     * @return the level now in effect
     */
    DegradationLevel degrade(String reason);

    /**
     * Moves to a given level, up or down. Nothing happens, and no event is sent, if it is already
     * the current level.
     *
     * @param level  the level to move to
     * @param reason why, passed to listeners
     * @return the level now in effect
     */
    DegradationLevel degradeTo(DegradationLevel level, String reason);

    /**
     * Moves back to {@link DegradationLevel#FULL}, with the reason {@code "restored"}.
     *
     * @return {@link DegradationLevel#FULL}
     */
    default DegradationLevel restore() {
        return degradeTo(DegradationLevel.FULL, "restored");
    }

    /**
     * Moves one level up; stays at {@link DegradationLevel#FULL}.
     *
     * @return the level now in effect
     */
    DegradationLevel restoreOneLevel();

    /**
     * Scales full-quality settings to the current level; see {@link DegradationLevel#adjust}.
     *
     * @param settings the full-quality settings
     * @return the settings for the current level
     */
    default AdjustedSettings adjust(QualitySettings settings) {
        return level().adjust(settings);
    }

    /**
     * Feeds one outcome to the automatic mode: a success, or a failure that counts if
     * {@code countsAsFailure} accepts its classification. Rejections are ignored, since a policy's
     * refusal says nothing new about the work. In {@link Mode#MANUAL} this does nothing.
     *
     * @param outcome the outcome of one call
     * @return the level in effect after the outcome
     */
    DegradationLevel record(Outcome<?> outcome);

    /**
     * Feeds one success; as {@link #record(Outcome)}.
     *
     * @return the level in effect after it
     */
    DegradationLevel recordSuccess();

    /**
     * Feeds one failure; as {@link #record(Outcome)}.
     *
     * @param classification what the failure was
     * @return the level in effect after it
     */
    DegradationLevel recordFailure(Classification classification);

    /**
     * What the current window holds: the outcomes recorded since the last level change, within the
     * configured window. Always empty in {@link Mode#MANUAL}.
     *
     * @return a snapshot of the window
     */
    WindowSnapshot window();

    /**
     * The calls in the automatic mode's window.
     *
     * @param calls    outcomes counted
     * @param failures of which failures
     */
    record WindowSnapshot(long calls, long failures) {
        /**
         * The error rate.
         *
         * @return failures divided by calls, 0 when there were no calls
         */
        public double errorRate() {
            return calls == 0 ? 0.0 : (double) failures / calls;
        }
    }

    /**
     * Builds a {@link GracefulDegradation}. Not thread-safe; {@link #build()} copies, so a builder
     * can make several independent degradations.
     */
    final class Builder {
        private final String name;
        private Mode mode = Mode.MANUAL;
        private double degradeThreshold = 0.5;
        private double restoreThreshold = 0.1;
        private Duration window = Duration.ofMinutes(1);
        private int minimumCalls = 10;
        private Duration quietPeriod = Duration.ofMinutes(2);
        private Predicate<? super Classification> countsAsFailure = classification -> true;
        private Clock clock = Clock.system();
        private final List<Consumer<? super DegradationEvent>> listeners = new ArrayList<>();

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        Builder(DegradationConfig config) {
            this(config.name());
            mode = config.mode();
            degradeThreshold = config.degradeThreshold();
            restoreThreshold = config.restoreThreshold();
            window = config.window();
            minimumCalls = config.minimumCalls();
            quietPeriod = config.quietPeriod();
            countsAsFailure = config.countsAsFailure();
            clock = config.clock();
            listeners.addAll(config.listeners());
        }

        /**
         * Whether outcomes move the level. Default {@link Mode#MANUAL}.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Shorthand for {@code mode(Mode.AUTOMATIC)}.
         *
         * @return this builder
         */
        public Builder automatic() {
            return mode(Mode.AUTOMATIC);
        }

        /**
         * The error rate at or above which the automatic mode degrades one level. Default 0.5; must
         * be in (0, 1] and above {@link #restoreThreshold}.
         *
         * @param threshold the rate
         * @return this builder
         */
        public Builder degradeThreshold(double threshold) {
            this.degradeThreshold = threshold;
            return this;
        }

        /**
         * The error rate below which time counts towards the quiet period. Default 0.1; must be in
         * [0, 1] and below {@link #degradeThreshold}. A rate between the two keeps the level.
         *
         * @param threshold the rate
         * @return this builder
         */
        public Builder restoreThreshold(double threshold) {
            this.restoreThreshold = threshold;
            return this;
        }

        /**
         * The time window of the error rate. Default one minute; must be positive. The window slides
         * in tenths of its length.
         *
         * @param window the length
         * @return this builder
         */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * The calls the window must hold before its rate counts, for degrading and restoring alike.
         * Default 10; at least 1.
         *
         * @param calls the minimum
         * @return this builder
         */
        public Builder minimumCalls(int calls) {
            this.minimumCalls = calls;
            return this;
        }

        /**
         * How long the rate must stay below the restore threshold before the level rises one step.
         * Default two minutes; zero or more.
         *
         * @param period the quiet period
         * @return this builder
         */
        public Builder quietPeriod(Duration period) {
            this.quietPeriod = Objects.requireNonNull(period, "quietPeriod");
            return this;
        }

        /**
         * Which classified failures count as errors; others are ignored. Default: all of them.
         *
         * @param predicate the test, called on the recording thread
         * @return this builder
         */
        public Builder countsAsFailure(Predicate<? super Classification> predicate) {
            this.countsAsFailure = Objects.requireNonNull(predicate, "countsAsFailure");
            return this;
        }

        /**
         * The source of time. Default {@link Clock#system()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a listener for level changes; several may be added. A listener that throws is logged
         * and ignored.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(Consumer<? super DegradationEvent> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The configuration so far.
         *
         * @return an immutable configuration
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public DegradationConfig buildConfig() {
            return new DegradationConfig(name, mode, degradeThreshold, restoreThreshold, window,
                    minimumCalls, quietPeriod, countsAsFailure, clock, listeners);
        }

        /**
         * Builds the degradation, at {@link DegradationLevel#FULL}.
         *
         * @return a new degradation
         * @throws IllegalArgumentException naming the first parameter out of range
         */
        public GracefulDegradation build() {
            return new DefaultGracefulDegradation(buildConfig());
        }
    }
}
