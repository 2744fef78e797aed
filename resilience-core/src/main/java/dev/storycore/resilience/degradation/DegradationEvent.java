package dev.storycore.resilience.degradation;

import java.time.Instant;
import java.util.Objects;

/** What a {@link GracefulDegradation} tells its listeners. */
public sealed interface DegradationEvent {

    /**
     * The name of the degradation that published the event.
     *
     * @return the name
     */
    String name();

    /**
     * The level moved.
     *
     * @param name      the degradation's name
     * @param from      the level before
     * @param to        the level after
     * @param reason    why
     * @param automatic whether the automatic mode moved it, rather than a call to degrade or restore
     * @param at        when, on the degradation's clock
     */
    record LevelChanged(String name, DegradationLevel from, DegradationLevel to, String reason,
                        boolean automatic, Instant at) implements DegradationEvent {
        /** Checks that nothing is null. */
        public LevelChanged {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
