package dev.storycore.generation.workflow;

import dev.storycore.generation.recovery.RecoveryAction;
import java.util.Objects;

/**
 * A recovery action the generator carried out after a failed attempt.
 *
 * @param tier      the tier it happened in
 * @param action    the action
 * @param errorCode the code of the error it answered
 * @param change    what changed, e.g. {@code precision BF16 -> FP8} or {@code backend freed memory}
 */
public record AppliedRecovery(Tier tier, RecoveryAction action, String errorCode, String change) {

    /** Checks that nothing is null. */
    public AppliedRecovery {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(change, "change");
    }
}
