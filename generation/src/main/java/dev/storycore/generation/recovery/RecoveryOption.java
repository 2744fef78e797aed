package dev.storycore.generation.recovery;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;

/**
 * One ranked recovery move for a failed request.
 *
 * @param action             the action
 * @param request            the request to resubmit (unchanged for backend and human actions)
 * @param successProbability the planner's chance of success for this request on this GPU, in [0, 1]
 * @param score              the ranking key: success × (1 − quality impact), discounted for time
 * @param estimatedPeakBytes the corrected peak estimate of {@code request}; 0 if its model is unknown
 * @param fitsEstimate       whether that estimate is within the budget
 * @param reason             why the planner ranked it so, one line
 */
public record RecoveryOption(
        RecoveryAction action,
        GenerationRequest request,
        double successProbability,
        double score,
        long estimatedPeakBytes,
        boolean fitsEstimate,
        String reason) {

    /** Checks that nothing is null. */
    public RecoveryOption {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the estimated peak in GB */
    public double estimatedPeakGb() {
        return GpuProfile.gigabytes(estimatedPeakBytes);
    }

    /** @return whether the option can run without a person: safe request or backend action */
    public boolean automatic() {
        return action.kind() != ActionKind.HUMAN && action.safeToApplyAutomatically();
    }
}
