package dev.storycore.generation.workflow;

import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.recovery.RecoveryOption;
import dev.storycore.generation.recovery.RecoveryPlanner;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the recovery to carry out after an {@code ADJUST_AND_RETRY} error: the planner's best-ranked
 * option that may run without a person and that this generator can carry out — a request change that
 * changes something, or freeing the backend's memory — and that was not tried in this tier yet.
 * Cuts the viewer sees (fewer frames, lower resolution, another model) are not automatic; those are the
 * fallback tiers' business. Stateless.
 */
final class Recoveries {

    /**
     * A chosen recovery.
     *
     * @param action      the action
     * @param request     the request to submit next
     * @param change      what changed, for the report
     * @param freesMemory whether the backend must free memory first
     */
    record Choice(RecoveryAction action, GenerationRequest request, String change, boolean freesMemory) {
    }

    private Recoveries() {
    }

    static Optional<Choice> choose(RecoveryPlanner planner, GpuProfile gpu, GenerationError error,
            GenerationRequest request, Set<RecoveryAction> tried) {
        for (RecoveryOption option : planner.plan(error, request, gpu)) {
            RecoveryAction action = option.action();
            if (!option.automatic() || tried.contains(action)) {
                continue;
            }
            Optional<Choice> choice = switch (action.kind()) {
                case REQUEST -> option.request().equals(request) ? Optional.empty()
                        : Optional.of(new Choice(action, option.request(), Changes.describe(request, option.request()),
                                false));
                case BACKEND -> frees(action) ? Optional.of(new Choice(action, request, "backend freed memory", true))
                        : Optional.empty();
                case HUMAN -> Optional.empty();
            };
            if (choice.isPresent()) {
                tried.add(action);
                return choice;
            }
        }
        return Optional.empty();
    }

    private static boolean frees(RecoveryAction action) {
        return action == RecoveryAction.FREE_GPU_MEMORY || action == RecoveryAction.UNLOAD_MODELS;
    }
}
