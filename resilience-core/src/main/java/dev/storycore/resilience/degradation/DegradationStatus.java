package dev.storycore.resilience.degradation;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link GracefulDegradation} stands: a consistent snapshot of its level and why.
 *
 * @param level     the current level
 * @param reason    why it was set, e.g. {@code "initial"} or the reason given to {@code degrade}
 * @param since     when it was set, on the degradation's clock
 * @param automatic whether the automatic mode set it
 */
public record DegradationStatus(DegradationLevel level, String reason, Instant since, boolean automatic) {

    /** Checks that nothing is null. */
    public DegradationStatus {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
