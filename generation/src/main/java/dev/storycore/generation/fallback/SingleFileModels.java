package dev.storycore.generation.fallback;

import dev.storycore.generation.model.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the weight files of a ComfyUI models folder (or of a folder of loose files) into models and
 * keyed components, by file name ({@link KnownFiles}). A model is found when one of its diffusion files
 * is there; it is usable when every diffusion file (both experts of Wan2.2 A14B) and every companion
 * (text encoders, VAE, image encoder) is there and verified OK. Where several files match, an OK one
 * is preferred. Companions may sit in any subfolder. Stateless and thread-safe.
 */
final class SingleFileModels {

    private SingleFileModels() {
    }

    /** Every weight file as a component, keyed by its name where known. */
    static List<LocalComponent> components(Path base, ModelFolderReport report) {
        List<LocalComponent> components = new ArrayList<>();
        for (ComponentReport component : report.components()) {
            if (component.files().isEmpty()) {
                continue;
            }
            String key = KnownFiles.identify(component.name()).map(KnownFiles.Part::key).orElse("");
            components.add(new LocalComponent(key, component.name(), base.resolve(component.name()).toString(), true,
                    component.status(), KnownFiles.modelOfKey(key).orElse(""), component.bytes()));
        }
        return List.copyOf(components);
    }

    /** The registry models whose diffusion files are among the components. */
    static List<LocalModel> models(ModelFolderReport report, List<LocalComponent> components, ModelRegistry models) {
        List<LocalModel> found = new ArrayList<>();
        for (String modelId : KnownFiles.modelIds().stream().sorted().toList()) {
            KnownFiles.ModelFiles files = KnownFiles.of(modelId).orElseThrow();
            if (models.find(modelId).isEmpty() || files.diffusion().stream()
                    .allMatch(part -> best(part, components).isEmpty())) {
                continue;
            }
            found.add(model(report, modelId, files, components));
        }
        return List.copyOf(found);
    }

    private static LocalModel model(ModelFolderReport report, String modelId, KnownFiles.ModelFiles files,
                                    List<LocalComponent> components) {
        List<String> used = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String path = "";
        String matchedBy = "";
        List<KnownFiles.Part> parts = new ArrayList<>(files.diffusion());
        parts.addAll(files.companions());
        for (KnownFiles.Part part : parts) {
            Optional<LocalComponent> chosen = best(part, components);
            if (chosen.isEmpty()) {
                problems.add("No " + part.description() + " (such as " + part.example() + ") in "
                        + report.root() + ".");
                continue;
            }
            LocalComponent component = chosen.get();
            used.add(component.name());
            if (path.isEmpty() && part.key().contains(":")) {
                path = component.path();
                matchedBy = "file name " + Path.of(component.path()).getFileName();
            }
            if (component.status() != ComponentStatus.OK) {
                problems.add(component.name() + " is " + component.status() + ": " + firstProblem(report, component));
            }
        }
        return new LocalModel(path, report.layout(), modelId, matchedBy, problems.isEmpty(), used, problems);
    }

    private static Optional<LocalComponent> best(KnownFiles.Part part, List<LocalComponent> components) {
        return components.stream().filter(component -> component.key().equals(part.key()))
                .min(Comparator.comparing((LocalComponent component) -> component.status() != ComponentStatus.OK)
                        .thenComparing(LocalComponent::name));
    }

    private static String firstProblem(ModelFolderReport report, LocalComponent component) {
        return report.component(component.name()).flatMap(c -> c.problems().stream().findFirst())
                .orElse("see analyze-model.");
    }
}
