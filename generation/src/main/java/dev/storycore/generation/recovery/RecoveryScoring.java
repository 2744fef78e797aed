package dev.storycore.generation.recovery;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.VramEstimator;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores one action for one failure. Implementation notes: the prior success probability is adjusted
 * by what the request, the GPU and the report say; the score is then
 * {@code p × (1 − quality) / (1 + 0.1 × (time − 1))}, so a sure but slow fix still beats a cut.
 */
final class RecoveryScoring {

    /** Memory held by other processes above this makes freeing memory a likely fix. */
    private static final long FOREIGN_HINT_BYTES = 2 * GpuProfile.GIB;
    /** Success probability when the report or the GPU points straight at an action. */
    private static final double HINTED_PROBABILITY = 0.95;

    private final GenerationError error;
    private final GenerationRequest request;
    private final RecoveryContext context;
    private final VramEstimator estimator;
    private final long originalPeak;
    private final String node;

    RecoveryScoring(GenerationError error, GenerationRequest request, RecoveryContext context,
            VramEstimator estimator) {
        this.error = error;
        this.request = request;
        this.context = context;
        this.estimator = estimator;
        this.originalPeak = peak(request);
        this.node = error.details().nodeType().toLowerCase(Locale.ROOT);
    }

    Optional<RecoveryOption> score(RecoveryAction action) {
        GenerationRequest changed;
        try {
            changed = action.apply(request, context);
        } catch (GenerationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (action.kind() == ActionKind.REQUEST && changed.equals(request)) {
            return Optional.empty();
        }
        long peak = peak(changed);
        boolean fits = peak > 0 && peak <= context.budgetBytes();
        boolean memory = error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT;
        if (memory && action.kind() == ActionKind.REQUEST && peak >= originalPeak && hint(action).isEmpty()) {
            return Optional.empty();
        }
        var odds = adjust(action, changed, fits, peak);
        double score = odds.probability * (1 - action.qualityImpact())
                / (1 + 0.1 * Math.max(0, action.timeImpact() - 1));
        return Optional.of(new RecoveryOption(action, changed, odds.probability, score, peak, fits, odds.reason));
    }

    private record Odds(double probability, String reason) {
    }

    private Odds adjust(RecoveryAction action, GenerationRequest changed, boolean fits, long peak) {
        double p = action.successProbability();
        Optional<String> hint = hint(action);
        if (hint.isPresent()) {
            return new Odds(Math.max(p, HINTED_PROBABILITY), hint.get());
        }
        if (action.kind() == ActionKind.REQUEST && peak > 0) {
            String numbers = gb(peak) + " GB against " + gb(context.budgetBytes()) + " GB usable"
                    + (context.correction() > 1.0 ? String.format(Locale.ROOT, " (estimate x%.2f after the OOM)",
                    context.correction()) : "");
            if (fits) {
                boolean memory = error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT;
                return new Odds(memory ? Math.min(0.95, p + 0.3) : p, "fits: " + numbers);
            }
            return new Odds(p * 0.3, "still over: " + numbers);
        }
        return backendOdds(action, p);
    }

    private Odds backendOdds(RecoveryAction action, double p) {
        long foreign = RecoveryPlanner.foreignBytes(error.details());
        boolean freeing = action == RecoveryAction.FREE_GPU_MEMORY || action == RecoveryAction.UNLOAD_MODELS
                || action == RecoveryAction.CLOSE_OTHER_GPU_PROCESSES;
        if (freeing && foreign >= FOREIGN_HINT_BYTES) {
            return new Odds(Math.max(p, 0.7), gb(foreign) + " GB was held outside this job");
        }
        if (action == RecoveryAction.SWITCH_TO_FP16 && !context.gpu().bf16()) {
            return new Odds(0.9, context.gpu().name() + " has no native bfloat16");
        }
        return new Odds(p, action.kind() == ActionKind.HUMAN ? "needs a person" : "prior for this category");
    }

    /** Why the report or the GPU points straight at this action, if they do. */
    private Optional<String> hint(RecoveryAction action) {
        String failingNode = "the failing node (" + error.details().nodeType() + ") points at it";
        boolean hinted = switch (action) {
            case ENABLE_VAE_TILING, SMALLER_VAE_TILE -> node.contains("vae") || node.contains("decode");
            case TEXT_ENCODER_ON_CPU -> node.contains("textencode") || node.contains("clip") || node.contains("t5");
            case SWITCH_TO_BF16 -> precisionHint().isPresent();
            default -> false;
        };
        if (!hinted) {
            return Optional.empty();
        }
        return action == RecoveryAction.SWITCH_TO_BF16 ? precisionHint() : Optional.of(failingNode);
    }

    private Optional<String> precisionHint() {
        if (request.precision() == Precision.FP8 && !context.gpu().fp8()) {
            return Optional.of(context.gpu().name() + " has no native FP8");
        }
        if (request.precision() == Precision.FP16 && error.category() == GenerationErrorCategory.INFERENCE) {
            return Optional.of("FP16 overflows to NaN where BF16 does not");
        }
        return Optional.empty();
    }

    private long peak(GenerationRequest r) {
        Optional<ModelSpec> model = context.models().find(r.modelId());
        try {
            return model.map(m -> estimator.estimate(m, r).correctedPeak(context.correction())).orElse(0L);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static String gb(long bytes) {
        return GpuProfile.formatGb(GpuProfile.gigabytes(bytes));
    }
}
