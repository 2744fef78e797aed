package dev.storycore.generation.fallback;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Suggests models to use instead of a target that does not fit, will not load or is not on disk:
 * every registry model sharing a workflow with the target, scored by {@link ScoreParts} (workflows,
 * fidelity, fit within the budget, a usable copy on disk), with what it loses ({@link FeatureParity})
 * and what it needs ({@link ResourceNeeds}). Each alternative is planned at its own native size and
 * frames with {@link PreflightPlanner} on a registry holding only that model, so the settings shown
 * (FP8, offload, tiling, cuts) are the cheapest that fit and never a further model switch.
 *
 * <p>Order: score, then a local copy first, then the lower peak, then the id. Immutable and
 * thread-safe.
 */
public final class AlternativeModelSuggester {

    private final ModelRegistry models;
    private final LocalModelCatalog local;

    /**
     * A suggester over the registry alone; nothing counts as on disk.
     *
     * @param models the models to choose from
     */
    public AlternativeModelSuggester(ModelRegistry models) {
        this(models, LocalModelCatalog.empty());
    }

    /**
     * A suggester that knows what is on disk.
     *
     * @param models the models to choose from
     * @param local  what {@link LocalModelCatalog#scan} found; usable copies raise an alternative's score
     */
    public AlternativeModelSuggester(ModelRegistry models, LocalModelCatalog local) {
        this.models = Objects.requireNonNull(models, "models");
        this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * Suggests alternatives to a model by id for a budget in GB.
     *
     * @param targetId the target's registry id
     * @param vramGb   the budget in GB (GiB), in (0, 1024]
     * @return the suggestions
     * @throws dev.storycore.generation.GenerationException naming the known ids when the id is unknown
     * @throws IllegalArgumentException when the budget is out of range
     */
    public Suggestions suggest(String targetId, double vramGb) {
        GpuProfile budget = GpuProfile.ofVram(vramGb);
        return suggest(models.require(targetId), budget.vramBytes());
    }

    /**
     * Suggests alternatives to a model for a budget, each planned at its native settings.
     *
     * @param target      the model wanted
     * @param budgetBytes the GPU memory
     * @return the suggestions
     * @throws IllegalArgumentException when the budget is not positive
     */
    public Suggestions suggest(ModelSpec target, long budgetBytes) {
        Objects.requireNonNull(target, "target");
        requirePositive(budgetBytes);
        List<Alternative> alternatives = new ArrayList<>();
        for (ModelSpec candidate : models.all()) {
            if (!candidate.id().equals(target.id()) && ScoreParts.related(target, candidate)) {
                Workflow workflow = sharedWorkflow(target, candidate);
                alternatives.add(alternative(target, candidate, nativeRequest(candidate, workflow), budgetBytes));
            }
        }
        Workflow own = target.workflows().stream().sorted().findFirst().orElseThrow();
        ResourceNeeds needs = ResourceNeeds.of(plan(target, nativeRequest(target, own), budgetBytes));
        return new Suggestions(target.id(), target.name(), ResourceNeeds.round(GpuProfile.gigabytes(budgetBytes)),
                needs, sorted(alternatives), local.models(), local.problems());
    }

    /**
     * Alternatives for a failed request: models that support its workflow, each planned from the
     * request moved to it (its size if the model goes that large, else its largest native size of the
     * same orientation; frames up to its maximum; its own steps, guidance and frame rate).
     *
     * @param request     the request; its model must be in the registry
     * @param budgetBytes the GPU memory
     * @return the alternatives, best first
     * @throws dev.storycore.generation.GenerationException when the request's model is unknown
     * @throws IllegalArgumentException when the budget is not positive
     */
    public List<Alternative> alternativesFor(GenerationRequest request, long budgetBytes) {
        Objects.requireNonNull(request, "request");
        requirePositive(budgetBytes);
        ModelSpec target = models.require(request.modelId());
        List<Alternative> alternatives = new ArrayList<>();
        for (ModelSpec candidate : models.supporting(request.workflow())) {
            if (!candidate.id().equals(target.id())) {
                alternatives.add(alternative(target, candidate, moveTo(request, candidate), budgetBytes));
            }
        }
        return sorted(alternatives);
    }

    private Alternative alternative(ModelSpec target, ModelSpec candidate, GenerationRequest request, long budget) {
        Plan plan = plan(candidate, request, budget);
        Optional<LocalModel> copy = local.usableCopy(candidate.id());
        ScoreParts parts = ScoreParts.of(target, candidate, plan, copy.isPresent());
        return new Alternative(candidate.id(), candidate.name(), candidate.family(), parts.total(), parts,
                copy.isPresent(), copy.map(LocalModel::path).orElse(""), FeatureParity.compare(target, candidate),
                ResourceNeeds.of(plan));
    }

    private static Plan plan(ModelSpec model, GenerationRequest request, long budget) {
        return new PreflightPlanner(ModelRegistry.of(List.of(model))).plan(request, budget, 1.0);
    }

    static GenerationRequest nativeRequest(ModelSpec model, Workflow workflow) {
        return GenerationRequest.builder(model, workflow).build();
    }

    static GenerationRequest moveTo(GenerationRequest request, ModelSpec model) {
        FrameSize size = request.size();
        if (size.area() > FeatureParity.largest(model).area()) {
            size = model.nativeSizes().stream().filter(s -> s.landscape() == request.size().landscape())
                    .max(Comparator.comparingLong(FrameSize::area)).orElse(model.defaultSize());
        }
        GenerationRequest sized = request.toBuilder().size(size.width(), size.height()).steps(model.defaultSteps())
                .cfg(model.defaultCfg()).fps(model.fps()).build();
        return FitSearch.retarget(sized, model);
    }

    private static Workflow sharedWorkflow(ModelSpec target, ModelSpec candidate) {
        return target.workflows().stream().sorted().filter(candidate::supports).findFirst().orElseThrow();
    }

    private static List<Alternative> sorted(List<Alternative> alternatives) {
        return alternatives.stream().sorted(Comparator.comparingDouble(Alternative::score).reversed()
                .thenComparing(alternative -> !alternative.local())
                .thenComparingDouble(alternative -> alternative.resources().peakGb())
                .thenComparing(Alternative::modelId)).toList();
    }

    private static void requirePositive(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("budgetBytes must be positive, was " + budgetBytes);
        }
    }
}
