package dev.storycore.generation.fallback;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link FallbackStrategyType#COMPONENT_ISOLATION}: keep the pipeline, replace each failing component
 * with a healthy one of the same key and form found on disk (a copy of the same model first). Success
 * priors: 0.85 when every failing component has a replacement, 0.5 when some do, 0.3 when none do and
 * a person must download them.
 */
final class ComponentIsolation implements StrategyPlanner {

    @Override
    public FallbackStrategy propose(FallbackContext context) {
        Swap swap = swap(context);
        double probability = swap.unresolved.isEmpty() ? 0.85 : swap.replacements.isEmpty() ? 0.3 : 0.5;
        List<String> limitations = new ArrayList<>();
        limitations.add("Nothing on disk is moved or deleted; the loader is pointed at the replacement.");
        String modelId = context.model().map(model -> model.id()).orElse("");
        if (swap.replacements.stream().anyMatch(replacement -> !replacement.fromModel().equals(modelId))) {
            limitations.add("A replacement from another model's folder holds the same weights, possibly at another"
                    + " precision (fp8 or fp16), which changes results slightly.");
        }
        List<String> needs = swap.replacements.stream().map(r -> "the healthy " + r.key() + " at " + r.replacement())
                .toList();
        return new FallbackStrategy(FallbackStrategyType.COMPONENT_ISOLATION, summary(swap), swap.steps,
                limitations, probability, context.resources(context.request(), needs), swap.unresolved.isEmpty());
    }

    @Override
    public FallbackResult execute(FallbackContext context) {
        Swap swap = swap(context);
        if (context.failing().isEmpty()) {
            return new FallbackResult.NotPossible(FallbackStrategyType.COMPONENT_ISOLATION,
                    "No failing component was identified: neither the folder analysis nor the error names one.");
        }
        if (swap.replacements.isEmpty()) {
            return new FallbackResult.HumanSteps(FallbackStrategyType.COMPONENT_ISOLATION, swap.steps,
                    "No healthy replacement is on disk for " + String.join(", ", swap.unresolved) + ".");
        }
        return new FallbackResult.ComponentSwap(FallbackStrategyType.COMPONENT_ISOLATION, swap.replacements,
                swap.unresolved, swap.steps, summary(swap));
    }

    private record Swap(List<ComponentReplacement> replacements, List<String> unresolved, List<String> steps) {
    }

    private static Swap swap(FallbackContext context) {
        List<ComponentReplacement> replacements = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (LocalComponent broken : context.failing()) {
            Optional<LocalComponent> found = context.catalog().replacementsFor(broken).stream().findFirst();
            if (found.isPresent()) {
                replacements.add(new ComponentReplacement(broken.name(), broken.key(), broken.path(),
                        found.get().path(), found.get().modelId()));
                steps.add(loadInstead(broken, found.get()));
            } else {
                unresolved.add(broken.name());
                steps.add(download(broken));
            }
        }
        return new Swap(replacements, unresolved, steps);
    }

    private static String loadInstead(LocalComponent broken, LocalComponent healthy) {
        if (!healthy.singleFile()) {
            return "Load " + broken.name() + " from " + healthy.path() + " (pass it to from_pretrained as "
                    + broken.name() + "=...) instead of " + (broken.path().isEmpty() ? "the broken one" : broken.path())
                    + ".";
        }
        String file = Path.of(healthy.path()).getFileName().toString();
        boolean sameFolder = !broken.path().isEmpty()
                && java.util.Objects.equals(Path.of(broken.path()).getParent(), Path.of(healthy.path()).getParent());
        return "In the workflow's loader node, select " + file + " instead of " + Path.of(broken.name()).getFileName()
                + (sameFolder ? "." : " (copy or link " + healthy.path() + " into the same ComfyUI models folder"
                        + " first).");
    }

    private static String download(LocalComponent broken) {
        String what = broken.key().isEmpty() ? broken.name() : broken.key();
        Optional<String> example = KnownFiles.identify(broken.name()).map(KnownFiles.Part::example);
        return "Download a healthy " + what + example.map(name -> " (such as " + name + ")").orElse("")
                + " to replace " + (broken.path().isEmpty() ? broken.name() : broken.path())
                + "; no healthy copy was found on disk.";
    }

    private static String summary(Swap swap) {
        if (swap.replacements.isEmpty() && swap.unresolved.isEmpty()) {
            return "No failing component to replace.";
        }
        if (swap.replacements.isEmpty()) {
            return "Replace " + String.join(", ", swap.unresolved) + " with a downloaded healthy copy.";
        }
        return "Load " + String.join(", ", swap.replacements.stream().map(ComponentReplacement::component).toList())
                + " from a healthy copy on disk" + (swap.unresolved.isEmpty() ? "."
                        : "; still missing: " + String.join(", ", swap.unresolved) + ".");
    }
}
