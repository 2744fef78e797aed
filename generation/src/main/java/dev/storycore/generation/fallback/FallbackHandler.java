package dev.storycore.generation.fallback;

import static dev.storycore.generation.fallback.FallbackStrategyType.ALTERNATIVE_MODEL;
import static dev.storycore.generation.fallback.FallbackStrategyType.COMPONENT_ISOLATION;
import static dev.storycore.generation.fallback.FallbackStrategyType.OPTIMIZATION_FALLBACK;
import static dev.storycore.generation.fallback.FallbackStrategyType.PIPELINE_SUBSTITUTION;
import static dev.storycore.generation.fallback.FallbackStrategyType.REDUCED_FUNCTIONALITY;

import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.model.ModelRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns a failed pipeline and its classified error into fallback strategies, and carries them out.
 *
 * <p>Which strategies apply depends on the category (those needing a model are left out when the model
 * is not in the registry; component isolation only when a failing component is known):
 * <ul>
 *   <li>MODEL_LOADING, WEIGHTS_INTEGRITY: component isolation, pipeline substitution, alternative model;</li>
 *   <li>WEIGHTS_DOWNLOAD: pipeline substitution (a copy already on disk), alternative model, component
 *       isolation;</li>
 *   <li>ARCHITECTURE: component isolation (a component of the wrong family), alternative model, pipeline
 *       substitution;</li>
 *   <li>CONDITIONING: component isolation (the encoder), reduced functionality (no input image),
 *       alternative model;</li>
 *   <li>MEMORY_MANAGEMENT, HOST_MEMORY, INFERENCE: optimization, reduced functionality, alternative model;</li>
 *   <li>HARDWARE_OPTIMIZATION: optimization; PARAMETER_VALIDATION, TEMPORAL_PROCESSING: reduced
 *       functionality; TIMEOUT: reduced functionality, alternative model; UNKNOWN: alternative model;</li>
 *   <li>BACKEND_UNAVAILABLE, INTERRUPTED: none (retrying or stopping is the caller's business).</li>
 * </ul>
 * Strategies come back most likely to succeed first. Executing one works it out again from the same
 * inputs and returns a {@link FallbackResult}; nothing on disk is changed. Immutable and thread-safe.
 */
public final class FallbackHandler {

    private final ModelRegistry models;
    private final LocalModelCatalog local;

    /**
     * A handler that knows only the failed folder (if given) of what is on disk.
     *
     * @param models the registry
     */
    public FallbackHandler(ModelRegistry models) {
        this(models, LocalModelCatalog.empty());
    }

    /**
     * A handler that also knows the models and components found under a models folder.
     *
     * @param models the registry
     * @param local  what {@link LocalModelCatalog#scan} found
     */
    public FallbackHandler(ModelRegistry models, LocalModelCatalog local) {
        this.models = Objects.requireNonNull(models, "models");
        this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * The strategies for a failure, most likely to succeed first.
     *
     * @param failed what failed
     * @param error  the classified error
     * @return the strategies; empty when none applies
     */
    public List<FallbackStrategy> strategies(FailedPipeline failed, GenerationError error) {
        FallbackContext context = context(failed, error);
        return applicable(context).stream().map(type -> planner(type).propose(context))
                .sorted(Comparator.comparingDouble(FallbackStrategy::successProbability).reversed()
                        .thenComparing(strategy -> strategy.type().ordinal()))
                .toList();
    }

    /**
     * The kinds of strategy that apply to a failure, in the order the class comment lists them.
     *
     * @param failed what failed
     * @param error  the classified error
     * @return the kinds
     */
    public List<FallbackStrategyType> applicableTypes(FailedPipeline failed, GenerationError error) {
        return applicable(context(failed, error));
    }

    /**
     * Carries out a strategy.
     *
     * @param strategy the strategy, as {@link #strategies} proposed it
     * @param failed   what failed
     * @param error    the classified error
     * @return what it produced
     */
    public FallbackResult execute(FallbackStrategy strategy, FailedPipeline failed, GenerationError error) {
        return execute(Objects.requireNonNull(strategy, "strategy").type(), failed, error);
    }

    /**
     * Carries out a kind of strategy, whether or not it was proposed.
     *
     * @param type   the kind
     * @param failed what failed
     * @param error  the classified error
     * @return what it produced; {@link FallbackResult.NotPossible} when it needs a model the registry
     *         lacks
     */
    public FallbackResult execute(FallbackStrategyType type, FailedPipeline failed, GenerationError error) {
        Objects.requireNonNull(type, "type");
        FallbackContext context = context(failed, error);
        if (type.needsModel() && context.model().isEmpty()) {
            return new FallbackResult.NotPossible(type, "The failed model is not known"
                    + (failed.modelId().isEmpty() ? "" : ": '" + failed.modelId() + "' is not in the registry") + ".");
        }
        return planner(type).execute(context);
    }

    private FallbackContext context(FailedPipeline failed, GenerationError error) {
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(error, "error");
        return FallbackContext.of(models, local, failed, error);
    }

    private static List<FallbackStrategyType> applicable(FallbackContext context) {
        List<FallbackStrategyType> types = byCategory(context.category());
        return types.stream()
                .filter(type -> type != COMPONENT_ISOLATION || !context.failing().isEmpty())
                .filter(type -> !type.needsModel() || context.model().isPresent())
                .toList();
    }

    private static List<FallbackStrategyType> byCategory(GenerationErrorCategory category) {
        return switch (category) {
            case MODEL_LOADING, WEIGHTS_INTEGRITY -> List.of(COMPONENT_ISOLATION, PIPELINE_SUBSTITUTION,
                    ALTERNATIVE_MODEL);
            case WEIGHTS_DOWNLOAD -> List.of(PIPELINE_SUBSTITUTION, ALTERNATIVE_MODEL, COMPONENT_ISOLATION);
            case ARCHITECTURE -> List.of(COMPONENT_ISOLATION, ALTERNATIVE_MODEL, PIPELINE_SUBSTITUTION);
            case CONDITIONING -> List.of(COMPONENT_ISOLATION, REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
            case MEMORY_MANAGEMENT, HOST_MEMORY, INFERENCE -> List.of(OPTIMIZATION_FALLBACK, REDUCED_FUNCTIONALITY,
                    ALTERNATIVE_MODEL);
            case HARDWARE_OPTIMIZATION -> List.of(OPTIMIZATION_FALLBACK);
            case PARAMETER_VALIDATION, TEMPORAL_PROCESSING -> List.of(REDUCED_FUNCTIONALITY);
            case TIMEOUT -> List.of(REDUCED_FUNCTIONALITY, ALTERNATIVE_MODEL);
            case UNKNOWN -> List.of(ALTERNATIVE_MODEL);
            case BACKEND_UNAVAILABLE, INTERRUPTED -> List.of();
        };
    }

    private static StrategyPlanner planner(FallbackStrategyType type) {
        return switch (type) {
            case COMPONENT_ISOLATION -> new ComponentIsolation();
            case PIPELINE_SUBSTITUTION -> new PipelineSubstitution();
            case OPTIMIZATION_FALLBACK -> new OptimizationFallback();
            case REDUCED_FUNCTIONALITY -> new ReducedFunctionality();
            case ALTERNATIVE_MODEL -> new AlternativeModelFallback();
        };
    }
}
