package dev.storycore.generation.fallback;

import dev.storycore.generation.errors.GenerationErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link FallbackStrategyType#ALTERNATIVE_MODEL}: the best-scoring other model
 * ({@link AlternativeModelSuggester}) that supports the failed request's workflow and fits the memory
 * the job can have, a usable copy on disk first by its score; after a failed download, any usable copy
 * on disk before any model that would need one. Success priors: 0.85 with a usable local copy, 0.6
 * when its weights must be fetched, times 0.9 when it only fits with cuts; 0.1 when nothing fits.
 */
final class AlternativeModelFallback implements StrategyPlanner {

    @Override
    public FallbackStrategy propose(FallbackContext context) {
        Optional<Alternative> best = best(context);
        if (best.isEmpty()) {
            return new FallbackStrategy(FallbackStrategyType.ALTERNATIVE_MODEL,
                    "No other model supports the workflow within the GPU's memory.", List.of(),
                    List.of("Nothing to switch to."), 0.1, context.resources(Optional.empty(), List.of()), false);
        }
        Alternative alternative = best.get();
        double probability = (alternative.local() ? 0.85 : 0.6) * (alternative.resources().cuts() ? 0.9 : 1.0);
        List<String> needs = new ArrayList<>(alternative.resources().settings());
        needs.add(alternative.local() ? "its weights at " + alternative.localPath()
                : "its weights, which were not found on disk");
        ResourceNeeds resources = alternative.resources();
        return new FallbackStrategy(FallbackStrategyType.ALTERNATIVE_MODEL, summary(alternative), steps(alternative),
                limitations(alternative), probability, new ResourceRequirements(resources.peakGb(),
                        resources.budgetGb(), resources.fits(), needs), true);
    }

    @Override
    public FallbackResult execute(FallbackContext context) {
        return best(context).<FallbackResult>map(alternative -> new FallbackResult.ModelSwitch(
                        FallbackStrategyType.ALTERNATIVE_MODEL, alternative.modelId(), alternative.localPath(),
                        alternative.resources().request(), alternative.resources().peakGb(),
                        alternative.resources().fits(), steps(alternative), summary(alternative)))
                .orElseGet(() -> new FallbackResult.NotPossible(FallbackStrategyType.ALTERNATIVE_MODEL,
                        "No other model supports the workflow within the GPU's memory."));
    }

    private static Optional<Alternative> best(FallbackContext context) {
        var suggester = new AlternativeModelSuggester(context.models(), context.catalog());
        List<Alternative> alternatives = context.requestGiven()
                ? suggester.alternativesFor(context.request().orElseThrow(), context.capacityBytes())
                : suggester.suggest(context.model().orElseThrow(), context.capacityBytes()).alternatives();
        List<Alternative> fitting = alternatives.stream().filter(alternative -> alternative.resources().fits())
                .toList();
        if (context.category() == GenerationErrorCategory.WEIGHTS_DOWNLOAD) {
            // Another download could fail the same way; what is already on disk goes first.
            Optional<Alternative> onDisk = fitting.stream().filter(Alternative::local).findFirst();
            if (onDisk.isPresent()) {
                return onDisk;
            }
        }
        return fitting.stream().findFirst();
    }

    private static String summary(Alternative alternative) {
        return "Switch to " + alternative.name() + " (" + alternative.modelId() + ", score " + alternative.score()
                + (alternative.local() ? ", on disk" : "") + ").";
    }

    private static List<String> steps(Alternative alternative) {
        List<String> steps = new ArrayList<>();
        steps.add(alternative.local() ? "Load " + alternative.modelId() + " from " + alternative.localPath() + "."
                : "Fetch the weights of " + alternative.modelId() + "; no usable copy is on disk.");
        alternative.resources().settings().forEach(setting -> steps.add("Apply " + setting + "."));
        steps.add("Resubmit as " + alternative.resources().request().summary() + ".");
        return steps;
    }

    private static List<String> limitations(Alternative alternative) {
        List<String> limitations = new ArrayList<>();
        alternative.parity().lost().forEach(feature -> limitations.add("Loses " + feature + "."));
        if (alternative.resources().cuts()) {
            limitations.add("Fits only with cuts: " + alternative.resources().size() + ", "
                    + alternative.resources().frames() + " frames.");
        }
        if (alternative.resources().slow()) {
            limitations.add("Sequential offload makes it several times slower.");
        }
        return limitations;
    }
}
