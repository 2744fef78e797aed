package dev.storycore.generation.workflow;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.Objects;

/**
 * How much of the requested shot was delivered, from 1.0 (exactly as requested) down, as a product
 * of one factor per kind of cut:
 *
 * <pre>
 * score      = tier × resolution × frames × steps × precision × model      (a GPU tier)
 * score      = 0.1                                                         (the CPU placeholder)
 * tier       = 1.0 primary, 0.95 reduced, 0.9 minimal
 * resolution = min(1, √(delivered pixels per frame / requested pixels per frame))
 * frames     = 0.5 + 0.5 × min(1, delivered frames / requested frames)
 * steps      = 0.8 + 0.2 × min(1, delivered steps / requested steps)
 * precision  = 0.95 when the weights were cut to FP8 and the request was not FP8, else 1
 * model      = min(1, (delivered model's active parameters / requested model's)^0.15) when the model
 *              changed, else 1 (a 14B → 1.3B switch gives 0.70, 13B → 5B gives 0.87)
 * </pre>
 *
 * <p>Why these shapes: resolution counts by side length, so 720p → 480p costs a third; a shorter clip
 * still shows the action, so halving the frames costs a quarter; fewer sampling steps mostly lose
 * polish; FP8 costs what the recovery planner prices it at (5 %). Changes that cost time but not
 * pixels — VAE tiling, the text encoder on the CPU, model or sequential offload — count 1.0. The tier
 * factor prices what the measurable factors miss: a fallback tier is a setting nobody chose.
 * The score is rounded to three decimals.
 *
 * @param value      the score
 * @param tier       the tier factor
 * @param resolution the resolution factor
 * @param frames     the frame factor
 * @param steps      the step factor
 * @param precision  the precision factor
 * @param model      the model factor
 */
public record QualityScore(
        double value, double tier, double resolution, double frames, double steps, double precision, double model) {

    /** The exponent of the model factor. */
    public static final double MODEL_EXPONENT = 0.15;
    /** The precision factor of an FP8 cut. */
    public static final double FP8_FACTOR = 0.95;

    /** The score of a shot delivered exactly as requested. */
    public static final QualityScore FULL = new QualityScore(1, 1, 1, 1, 1, 1, 1);
    /** The score of a shot with nothing delivered. */
    public static final QualityScore NONE = new QualityScore(0, 0, 0, 0, 0, 0, 0);

    /**
     * Scores a delivered shot.
     *
     * @param tier      the tier that delivered it
     * @param requested the request as given
     * @param delivered the parameters used
     * @param models    where both models' sizes are looked up; an unknown model counts as unchanged
     * @return the score and its factors
     */
    public static QualityScore of(Tier tier, GenerationRequest requested, GenerationRequest delivered,
            ModelRegistry models) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(models, "models");
        if (!tier.gpu()) {
            return new QualityScore(tier.factor(), tier.factor(), 1, 1, 1, 1, 1);
        }
        double resolution = Math.min(1.0, Math.sqrt(ratio(area(delivered), area(requested))));
        double frames = 0.5 + 0.5 * Math.min(1.0, ratio(delivered.frames(), requested.frames()));
        double steps = 0.8 + 0.2 * Math.min(1.0, ratio(delivered.steps(), requested.steps()));
        double precision = delivered.precision() == Precision.FP8 && requested.precision() != Precision.FP8
                ? FP8_FACTOR : 1.0;
        double model = modelFactor(requested.modelId(), delivered.modelId(), models);
        double value = tier.factor() * resolution * frames * steps * precision * model;
        return new QualityScore(round(value), tier.factor(), round(resolution), round(frames), round(steps),
                precision, round(model));
    }

    private static double modelFactor(String requestedId, String deliveredId, ModelRegistry models) {
        if (requestedId.equalsIgnoreCase(deliveredId)) {
            return 1.0;
        }
        var from = models.find(requestedId).map(ModelSpec::activeParametersBillions);
        var to = models.find(deliveredId).map(ModelSpec::activeParametersBillions);
        if (from.isEmpty() || to.isEmpty()) {
            return 1.0;
        }
        return Math.min(1.0, Math.pow(to.get() / from.get(), MODEL_EXPONENT));
    }

    private static double area(GenerationRequest request) {
        return (double) Math.max(1, request.width()) * Math.max(1, request.height());
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 1.0 : Math.max(0.0, part) / whole;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
