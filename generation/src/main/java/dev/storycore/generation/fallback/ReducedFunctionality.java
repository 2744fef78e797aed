package dev.storycore.generation.fallback;

import static dev.storycore.generation.recovery.RecoveryAction.CLAMP_FRAMES_TO_MAXIMUM;
import static dev.storycore.generation.recovery.RecoveryAction.FEWER_STEPS;
import static dev.storycore.generation.recovery.RecoveryAction.HALVE_FRAMES;
import static dev.storycore.generation.recovery.RecoveryAction.SWITCH_TO_TEXT_TO_VIDEO;
import static dev.storycore.generation.recovery.RecoveryAction.TRUNCATE_PROMPT;
import static dev.storycore.generation.recovery.RecoveryAction.USE_NATIVE_SIZE;
import static dev.storycore.generation.recovery.RecoveryAction.VALIDATE_AND_SNAP_REQUEST;

import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link FallbackStrategyType#REDUCED_FUNCTIONALITY}: same model, less asked of it. Out of memory: the
 * cheapest pre-flight plan on that model alone for the memory the job can have, estimates corrected by
 * the report (memory settings first, then fewer frames, then a lower resolution). Conditioning
 * failures: drop the input image and generate from the prompt, else shorten the prompt. Parameter and
 * frame-count errors: snap to the model's rules and maximum. Timeouts: fewer steps, half the clip.
 * Sampling failures: the model's native size. Success priors: 0.75 when the estimate fits (memory),
 * 0.9 for snapping, 0.6 for conditioning and timeouts, 0.5 for sampling, 0.3 when nothing fits.
 */
final class ReducedFunctionality implements StrategyPlanner {

    @Override
    public FallbackStrategy propose(FallbackContext context) {
        RequestSteps steps = run(context);
        return new FallbackStrategy(FallbackStrategyType.REDUCED_FUNCTIONALITY, summary(steps), steps.steps(),
                limitations(steps.original(), steps.request()), probability(context, steps),
                context.resources(Optional.of(steps.request()), List.of()), steps.changed());
    }

    @Override
    public FallbackResult execute(FallbackContext context) {
        RequestSteps steps = run(context);
        if (!steps.changed()) {
            return new FallbackResult.NotPossible(FallbackStrategyType.REDUCED_FUNCTIONALITY,
                    "Nothing can be left out of " + steps.request().summary() + ".");
        }
        return new FallbackResult.RequestChange(FallbackStrategyType.REDUCED_FUNCTIONALITY, steps.request(),
                steps.peakGb(), steps.fits(), steps.steps(), summary(steps));
    }

    private static RequestSteps run(FallbackContext context) {
        RequestSteps steps = new RequestSteps(context);
        switch (context.category()) {
            case CONDITIONING -> {
                if (!steps.apply(SWITCH_TO_TEXT_TO_VIDEO)) {
                    steps.apply(TRUNCATE_PROMPT);
                }
            }
            case PARAMETER_VALIDATION, TEMPORAL_PROCESSING -> {
                steps.apply(VALIDATE_AND_SNAP_REQUEST);
                steps.apply(CLAMP_FRAMES_TO_MAXIMUM);
            }
            case TIMEOUT -> {
                steps.apply(FEWER_STEPS);
                steps.apply(HALVE_FRAMES);
            }
            case INFERENCE -> steps.apply(USE_NATIVE_SIZE);
            case MEMORY_MANAGEMENT, HOST_MEMORY, MODEL_LOADING, ARCHITECTURE, WEIGHTS_DOWNLOAD, WEIGHTS_INTEGRITY,
                    HARDWARE_OPTIMIZATION, BACKEND_UNAVAILABLE, INTERRUPTED, UNKNOWN -> fitToMemory(context, steps);
        }
        return steps;
    }

    private static void fitToMemory(FallbackContext context, RequestSteps steps) {
        var planner = new PreflightPlanner(ModelRegistry.of(List.of(context.model().orElseThrow())));
        Plan plan = planner.plan(steps.request(), context.capacityBytes(), context.correction());
        if (!plan.steps().isEmpty()) {
            steps.replace(plan.finalRequest(), plan.steps().stream()
                    .map(step -> OptimizationFallback.capitalised(step.action().label()) + ": " + step.detail() + ".")
                    .toList());
        }
    }

    private static double probability(FallbackContext context, RequestSteps steps) {
        if (!steps.changed()) {
            return 0.05;
        }
        return switch (context.category()) {
            case PARAMETER_VALIDATION, TEMPORAL_PROCESSING -> 0.9;
            case CONDITIONING, TIMEOUT -> 0.6;
            case INFERENCE -> 0.5;
            default -> steps.fits() ? 0.75 : 0.3;
        };
    }

    private static String summary(RequestSteps steps) {
        return steps.changed() ? "Ask less of the model: " + RequestSteps.describe(steps.original(), steps.request())
                + "." : "Nothing can be left out.";
    }

    static List<String> limitations(GenerationRequest before, GenerationRequest after) {
        List<String> limitations = new ArrayList<>();
        if (after.frames() < before.frames()) {
            limitations.add("Shorter clip: " + before.frames() + " -> " + after.frames() + " frames.");
        }
        if (after.size().area() < before.size().area()) {
            limitations.add("Lower resolution: " + before.size() + " -> " + after.size() + ".");
        }
        if (after.workflow() == Workflow.TEXT_TO_VIDEO && before.workflow() != Workflow.TEXT_TO_VIDEO) {
            limitations.add("The input image is not used: the video will not start from it.");
        }
        if (!after.modelId().equals(before.modelId())) {
            limitations.add("Runs on " + after.modelId() + " instead of " + before.modelId() + ".");
        }
        if (after.steps() < before.steps()) {
            limitations.add("Fewer sampling steps (" + after.steps() + "): less detail.");
        }
        if (after.prompt().length() < before.prompt().length()) {
            limitations.add("The prompt was shortened.");
        }
        return limitations;
    }
}
