package dev.storycore.generation.fallback;

import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PlanStep;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;

/**
 * The parts of an alternative's compatibility score, each in [0, 1], and their weighted sum:
 *
 * <pre>
 * score = 0.35 × workflows + 0.25 × fidelity + 0.30 × fit + 0.10 × local
 * </pre>
 *
 * <ul>
 *   <li><b>workflows</b>: the share of the target's workflows the alternative supports;</li>
 *   <li><b>fidelity</b>: the mean of four ratios, each capped at 1: largest native frame area, frame
 *       rate, longest clip and active parameters, alternative over target;</li>
 *   <li><b>fit</b>: 0 when no settings fit the budget; else 1 less a penalty per pre-flight change:
 *       VAE tiling 0.02, text encoder on the CPU 0.03, FP8 weights 0.10, model offload 0.10,
 *       sequential offload 0.25 (several times slower), fewer frames 0.5 × the share of frames cut,
 *       lower resolution 0.5 × the share of pixels cut; never below 0.05 when it fits;</li>
 *   <li><b>local</b>: 1 when a usable copy is on disk, else 0.</li>
 * </ul>
 * Immutable.
 *
 * @param workflows workflow coverage
 * @param fidelity  output fidelity relative to the target
 * @param fit       how cheaply it fits the budget
 * @param local     whether it is on disk and usable
 */
public record ScoreParts(double workflows, double fidelity, double fit, double local) {

    /** Weight of {@link #workflows()}. */
    public static final double WORKFLOWS_WEIGHT = 0.35;
    /** Weight of {@link #fidelity()}. */
    public static final double FIDELITY_WEIGHT = 0.25;
    /** Weight of {@link #fit()}. */
    public static final double FIT_WEIGHT = 0.30;
    /** Weight of {@link #local()}. */
    public static final double LOCAL_WEIGHT = 0.10;

    /** Checks that every part is in [0, 1]. */
    public ScoreParts {
        check(workflows, "workflows");
        check(fidelity, "fidelity");
        check(fit, "fit");
        check(local, "local");
    }

    /**
     * Scores an alternative.
     *
     * @param target      the model wanted
     * @param alternative the model considered
     * @param plan        pre-flight's plan for the alternative on the budget
     * @param local       whether a usable copy is on disk
     * @return the parts, rounded to three decimals
     */
    public static ScoreParts of(ModelSpec target, ModelSpec alternative, Plan plan, boolean local) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(plan, "plan");
        long shared = target.workflows().stream().filter(alternative::supports).count();
        double workflows = (double) shared / target.workflows().size();
        double fidelity = (ratio(FeatureParity.largest(alternative).area(), FeatureParity.largest(target).area())
                + ratio(alternative.fps(), target.fps()) + ratio(alternative.maxFrames(), target.maxFrames())
                + ratio(alternative.activeParametersBillions(), target.activeParametersBillions())) / 4;
        return new ScoreParts(round(workflows), round(fidelity), round(fit(plan)), local ? 1 : 0);
    }

    /**
     * The weighted sum.
     *
     * @return the score in [0, 1], rounded to three decimals
     */
    public double total() {
        return round(WORKFLOWS_WEIGHT * workflows + FIDELITY_WEIGHT * fidelity + FIT_WEIGHT * fit + LOCAL_WEIGHT * local);
    }

    /**
     * Whether an alternative can stand in at all: it supports at least one of the target's workflows.
     *
     * @param target      the model wanted
     * @param alternative the model considered
     * @return true when a workflow is shared
     */
    static boolean related(ModelSpec target, ModelSpec alternative) {
        return target.workflows().stream().anyMatch(alternative::supports);
    }

    static double fit(Plan plan) {
        if (!plan.fits()) {
            return 0;
        }
        double penalty = 0;
        GenerationRequest original = plan.original();
        GenerationRequest chosen = plan.finalRequest();
        for (PlanStep step : plan.steps()) {
            penalty += switch (step.action()) {
                case ENABLE_VAE_TILING -> 0.02;
                case TEXT_ENCODER_ON_CPU -> 0.03;
                case FP8_WEIGHTS, MODEL_OFFLOAD -> 0.10;
                case SEQUENTIAL_OFFLOAD -> 0.25;
                case FEWER_FRAMES -> 0.5 * (1 - ratio(chosen.frames(), original.frames()));
                case LOWER_RESOLUTION -> 0.5 * (1 - ratio(chosen.size().area(), original.size().area()));
                case LIGHTER_MODEL -> 0.5;
            };
        }
        return Math.max(0.05, 1 - penalty);
    }

    private static double ratio(double value, double reference) {
        return reference <= 0 ? 1 : Math.min(1, value / reference);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void check(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
