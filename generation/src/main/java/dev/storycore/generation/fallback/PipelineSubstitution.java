package dev.storycore.generation.fallback;

import dev.storycore.generation.model.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link FallbackStrategyType#PIPELINE_SUBSTITUTION}: load the same model another way. With another
 * usable copy on disk (outside the failed folder; a diffusers folder, a Hugging Face cache or a ComfyUI
 * single-file set), that copy; without one, steps for a person to get the other layout: the ComfyUI
 * single files for a failed diffusers folder, a diffusers folder for failed single files. Success
 * priors: 0.8 with a usable copy, 0.35 for the steps.
 */
final class PipelineSubstitution implements StrategyPlanner {

    @Override
    public FallbackStrategy propose(FallbackContext context) {
        ModelSpec model = context.model().orElseThrow();
        Optional<LocalModel> copy = otherCopy(context);
        if (copy.isPresent()) {
            return new FallbackStrategy(FallbackStrategyType.PIPELINE_SUBSTITUTION, summary(model, copy.get()),
                    loadSteps(copy.get()), List.of("The other copy may hold the weights at another precision."),
                    0.8, context.resources(context.request(), List.of("the copy at " + copy.get().path())), true);
        }
        return new FallbackStrategy(FallbackStrategyType.PIPELINE_SUBSTITUTION,
                "Get " + model.name() + " in another layout; no other usable copy is on disk.",
                instructions(context, model), List.of("Needs a download and a person to place the files."), 0.35,
                context.resources(context.request(), List.of("a download of " + model.name())), false);
    }

    @Override
    public FallbackResult execute(FallbackContext context) {
        ModelSpec model = context.model().orElseThrow();
        return otherCopy(context).<FallbackResult>map(copy -> new FallbackResult.LocalCopy(
                        FallbackStrategyType.PIPELINE_SUBSTITUTION, model.id(), copy.path(), copy.layout(),
                        loadSteps(copy), summary(model, copy)))
                .orElseGet(() -> new FallbackResult.HumanSteps(FallbackStrategyType.PIPELINE_SUBSTITUTION,
                        instructions(context, model), "No other usable copy of " + model.id() + " is on disk."));
    }

    private static Optional<LocalModel> otherCopy(FallbackContext context) {
        String modelId = context.model().orElseThrow().id();
        Optional<Path> failedRoot = context.failed().folder().map(report -> report.root().toAbsolutePath().normalize());
        return context.catalog().models().stream()
                .filter(copy -> copy.usable() && copy.modelId().equals(modelId))
                .filter(copy -> failedRoot.isEmpty()
                        || !Path.of(copy.path()).toAbsolutePath().normalize().startsWith(failedRoot.get()))
                .findFirst();
    }

    private static String summary(ModelSpec model, LocalModel copy) {
        return "Load " + model.id() + " from its other copy at " + copy.path() + " (" + copy.layout() + ").";
    }

    private static List<String> loadSteps(LocalModel copy) {
        return switch (copy.layout()) {
            case DIFFUSERS, HF_CACHE -> List.of("Load the pipeline from " + copy.path() + " instead of the failed one.");
            case COMFYUI, SINGLE_FILE, UNKNOWN -> List.of("In the workflow's loader nodes, select "
                    + String.join(", ", copy.files().stream().map(f -> Path.of(f).getFileName().toString()).toList())
                    + " (in " + Path.of(copy.path()).getParent() + ").");
        };
    }

    private static List<String> instructions(FallbackContext context, ModelSpec model) {
        boolean failedSingleFiles = context.failed().folder()
                .map(report -> report.layout() == ModelLayout.COMFYUI || report.layout() == ModelLayout.SINGLE_FILE)
                .orElse(false);
        Optional<KnownFiles.ModelFiles> files = KnownFiles.of(model.id());
        List<String> steps = new ArrayList<>();
        if (failedSingleFiles || files.isEmpty()) {
            steps.add("Download the diffusers version of " + model.name() + " (a folder with model_index.json).");
            steps.add("Load it with diffusers instead of the single files.");
            return steps;
        }
        steps.add("Download the ComfyUI single files of " + model.name() + ": " + String.join(", ",
                names(files.get().diffusion())) + " into models/diffusion_models, and "
                + String.join(", ", names(files.get().companions())) + " into text_encoders, vae and clip_vision.");
        steps.add("Load them with ComfyUI's UNETLoader, CLIPLoader and VAELoader instead of the diffusers folder.");
        return steps;
    }

    private static List<String> names(List<KnownFiles.Part> parts) {
        return parts.stream().map(KnownFiles.Part::example).toList();
    }
}
