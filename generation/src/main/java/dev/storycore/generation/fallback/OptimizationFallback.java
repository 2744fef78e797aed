package dev.storycore.generation.fallback;

import static dev.storycore.generation.recovery.RecoveryAction.DISABLE_FAST_FP8_KERNELS;
import static dev.storycore.generation.recovery.RecoveryAction.DISABLE_OFFLOAD;
import static dev.storycore.generation.recovery.RecoveryAction.DISABLE_TORCH_COMPILE;
import static dev.storycore.generation.recovery.RecoveryAction.ENABLE_VAE_TILING;
import static dev.storycore.generation.recovery.RecoveryAction.FP8_WEIGHTS;
import static dev.storycore.generation.recovery.RecoveryAction.MODEL_OFFLOAD;
import static dev.storycore.generation.recovery.RecoveryAction.REDUCE_BATCH;
import static dev.storycore.generation.recovery.RecoveryAction.SEQUENTIAL_OFFLOAD;
import static dev.storycore.generation.recovery.RecoveryAction.SMALLER_VAE_TILE;
import static dev.storycore.generation.recovery.RecoveryAction.SWITCH_TO_BF16;
import static dev.storycore.generation.recovery.RecoveryAction.TEXT_ENCODER_ON_CPU;
import static dev.storycore.generation.recovery.RecoveryAction.USE_SDPA_ATTENTION;

import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link FallbackStrategyType#OPTIMIZATION_FALLBACK}: same model, same shot, other settings, through
 * the recovery actions. Out of GPU memory: VAE tiling, text encoder on the CPU, FP8, model offload,
 * sequential offload, smaller tiles, each kept only when it lowers the estimate (corrected by what the
 * out-of-memory report showed), until it fits. Out of system RAM: FP8 and a smaller batch, and offload
 * off when the GPU has room. Unsupported kernels: BF16 (FP16 on GPUs without it) plus backend steps
 * (SDPA attention, no fast FP8 kernels, no torch.compile). Sampling failures: BF16 instead of FP16 and
 * offload off when it fits. Success priors: 0.8 when the estimate fits afterwards (memory), 0.65 for
 * kernels, 0.5 for sampling failures, 0.3 when it still does not fit.
 */
final class OptimizationFallback implements StrategyPlanner {

    @Override
    public FallbackStrategy propose(FallbackContext context) {
        RequestSteps steps = run(context);
        List<String> limitations = new ArrayList<>();
        for (RecoveryAction action : steps.applied()) {
            if (action.timeImpact() > 1.05) {
                limitations.add(capitalised(action.description()) + ": about "
                        + String.format(Locale.ROOT, "%.1f", action.timeImpact()) + "× the run time.");
            }
            if (action.qualityImpact() > 0) {
                limitations.add(capitalised(action.description()) + ": a small quality cost.");
            }
        }
        return new FallbackStrategy(FallbackStrategyType.OPTIMIZATION_FALLBACK, summary(context, steps),
                steps.steps(), limitations, probability(context, steps),
                context.resources(Optional.of(steps.request()), List.of()), steps.changed());
    }

    @Override
    public FallbackResult execute(FallbackContext context) {
        RequestSteps steps = run(context);
        if (steps.changed()) {
            return new FallbackResult.RequestChange(FallbackStrategyType.OPTIMIZATION_FALLBACK, steps.request(),
                    steps.peakGb(), steps.fits(), steps.steps(), summary(context, steps));
        }
        if (!steps.steps().isEmpty()) {
            return new FallbackResult.HumanSteps(FallbackStrategyType.OPTIMIZATION_FALLBACK, steps.steps(),
                    "The request needs no change; the backend's settings do.");
        }
        return new FallbackResult.NotPossible(FallbackStrategyType.OPTIMIZATION_FALLBACK,
                "No setting lowers the estimate further: " + steps.request().summary() + ".");
    }

    private static RequestSteps run(FallbackContext context) {
        RequestSteps steps = new RequestSteps(context);
        switch (context.category()) {
            case HOST_MEMORY -> {
                steps.apply(FP8_WEIGHTS);
                steps.apply(REDUCE_BATCH);
                steps.applyIfFits(DISABLE_OFFLOAD);
            }
            case HARDWARE_OPTIMIZATION -> {
                steps.apply(SWITCH_TO_BF16);
                for (RecoveryAction backend : List.of(USE_SDPA_ATTENTION, DISABLE_FAST_FP8_KERNELS,
                        DISABLE_TORCH_COMPILE)) {
                    steps.note("Backend: " + backend.description() + ".");
                }
            }
            case INFERENCE -> {
                if (steps.request().precision() == Precision.FP16) {
                    steps.apply(SWITCH_TO_BF16);
                }
                steps.applyIfFits(DISABLE_OFFLOAD);
            }
            case MEMORY_MANAGEMENT, MODEL_LOADING, ARCHITECTURE, WEIGHTS_DOWNLOAD, WEIGHTS_INTEGRITY,
                    PARAMETER_VALIDATION, TEMPORAL_PROCESSING, CONDITIONING, BACKEND_UNAVAILABLE, TIMEOUT,
                    INTERRUPTED, UNKNOWN -> {
                for (RecoveryAction action : List.of(ENABLE_VAE_TILING, TEXT_ENCODER_ON_CPU, FP8_WEIGHTS,
                        MODEL_OFFLOAD, SEQUENTIAL_OFFLOAD, SMALLER_VAE_TILE)) {
                    if (steps.fits()) {
                        break;
                    }
                    steps.applyIfLower(action);
                }
            }
        }
        return steps;
    }

    private static double probability(FallbackContext context, RequestSteps steps) {
        if (!steps.changed() && steps.steps().isEmpty()) {
            return 0.05;
        }
        return switch (context.category()) {
            case HARDWARE_OPTIMIZATION -> 0.65;
            case INFERENCE -> 0.5;
            default -> steps.fits() ? 0.8 : 0.3;
        };
    }

    private static String summary(FallbackContext context, RequestSteps steps) {
        String model = context.model().orElseThrow().id();
        if (!steps.changed()) {
            return steps.steps().isEmpty() ? "No setting of " + model + " lowers the estimate further."
                    : "Keep " + model + " and the request; change the backend's settings.";
        }
        return "Keep " + model + " and the shot; change settings: " + RequestSteps.describe(steps.original(),
                steps.request()) + (steps.fits() ? "." : " (still over the budget by the estimate).");
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
