package dev.storycore.resilience.degradation;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The immutable configuration of a {@link GracefulDegradation}; see
 * {@link GracefulDegradation.Builder} for the meaning and default of each value.
 *
 * @param name              the name, used in events and logs
 * @param mode              manual only, or automatic moves driven by the error rate too
 * @param degradeThreshold  the error rate at or above which the automatic mode degrades one level
 * @param restoreThreshold  the error rate below which a quiet period counts; below degradeThreshold
 * @param window            the time window over which the error rate is measured
 * @param minimumCalls      the calls the window must hold before its rate counts
 * @param quietPeriod       how long the rate must stay below restoreThreshold before restoring a level
 * @param countsAsFailure   which classified failures count as errors
 * @param clock             the source of time
 * @param listeners         the listeners, called in order after each level change
 */
public record DegradationConfig(
        String name,
        GracefulDegradation.Mode mode,
        double degradeThreshold,
        double restoreThreshold,
        Duration window,
        int minimumCalls,
        Duration quietPeriod,
        Predicate<? super Classification> countsAsFailure,
        Clock clock,
        List<Consumer<? super DegradationEvent>> listeners) {

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first parameter that is out of range
     */
    public DegradationConfig {
        Checks.name(name, "name");
        Objects.requireNonNull(mode, "mode");
        if (!(degradeThreshold > 0.0 && degradeThreshold <= 1.0)) {
            throw new IllegalArgumentException("degradeThreshold must be in (0, 1], was " + degradeThreshold);
        }
        Checks.inRange(restoreThreshold, 0.0, 1.0, "restoreThreshold");
        if (restoreThreshold >= degradeThreshold) {
            throw new IllegalArgumentException("restoreThreshold must be below degradeThreshold ("
                    + degradeThreshold + "), was " + restoreThreshold);
        }
        Checks.positive(window, "window");
        Checks.atLeastOne(minimumCalls, "minimumCalls");
        Checks.notNegative(quietPeriod, "quietPeriod");
        Objects.requireNonNull(countsAsFailure, "countsAsFailure");
        Objects.requireNonNull(clock, "clock");
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder holding these values, to derive a changed configuration.
     *
     * @return a new builder
     */
    public GracefulDegradation.Builder toBuilder() {
        return new GracefulDegradation.Builder(this);
    }
}
