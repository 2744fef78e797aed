package dev.storycore.generation.workflow;

import dev.storycore.generation.errors.ErrorDetails;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.recovery.ActionKind;
import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.recovery.RecoveryOption;
import dev.storycore.generation.recovery.RecoveryPlanner;
import dev.storycore.generation.request.GenerationRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the recovery to carry out after an {@code ADJUST_AND_RETRY} error, from the planner's ranked
 * options, in four passes, invisible changes before cuts:
 * <ol>
 *   <li>the best-ranked request change that needs no person and changes something (FP8, offload, VAE
 *       tiling, a new seed, a snapped size …);
 *   <li>freeing the backend's memory, when the report shows memory held outside this job;
 *   <li>after running out of GPU memory, the pre-flight plan again with the estimate corrected by what
 *       the report proved ({@link RecoveryAction#FIT_REQUEST_TO_MEMORY}) when it fits: the same cuts
 *       pre-flight may make before the first attempt, now with better numbers;
 *   <li>freeing the backend's memory when the report gives no numbers at all. When it shows that the
 *       job's own allocations filled the device, freeing cannot help and would only burn an attempt.
 * </ol>
 * An action is tried once per tier. Other cuts the viewer sees are not applied here: they are what the
 * fallback tiers are for. Stateless.
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
        List<RecoveryOption> options = planner.plan(error, request, gpu);
        ErrorDetails details = error.details();
        Optional<Choice> choice = requestChange(options, request, tried);
        if (choice.isEmpty() && RecoveryPlanner.foreignBytes(details) > 0) {
            choice = free(options, request, tried);
        }
        if (choice.isEmpty() && error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT) {
            choice = replan(options, request, tried);
        }
        if (choice.isEmpty() && details.allocatedBytes() <= 0 && details.requestedBytes() <= 0) {
            choice = free(options, request, tried);
        }
        choice.ifPresent(c -> tried.add(c.action()));
        return choice;
    }

    private static Optional<Choice> free(List<RecoveryOption> options, GenerationRequest request,
            Set<RecoveryAction> tried) {
        return options.stream().filter(o -> o.automatic() && frees(o.action()) && !tried.contains(o.action()))
                .findFirst().map(o -> new Choice(o.action(), request, "backend freed memory", true));
    }

    private static Optional<Choice> requestChange(List<RecoveryOption> options, GenerationRequest request,
            Set<RecoveryAction> tried) {
        return options.stream()
                .filter(o -> o.automatic() && o.action().kind() == ActionKind.REQUEST && !tried.contains(o.action()))
                .filter(o -> !o.request().equals(request))
                .findFirst().map(o -> change(o, request));
    }

    private static Optional<Choice> replan(List<RecoveryOption> options, GenerationRequest request,
            Set<RecoveryAction> tried) {
        return options.stream()
                .filter(o -> o.action() == RecoveryAction.FIT_REQUEST_TO_MEMORY && !tried.contains(o.action()))
                .filter(o -> o.fitsEstimate() && !o.request().equals(request))
                .findFirst().map(o -> change(o, request));
    }

    private static Choice change(RecoveryOption option, GenerationRequest request) {
        return new Choice(option.action(), option.request(), Changes.describe(request, option.request()), false);
    }

    private static boolean frees(RecoveryAction action) {
        return action == RecoveryAction.FREE_GPU_MEMORY || action == RecoveryAction.UNLOAD_MODELS;
    }
}
