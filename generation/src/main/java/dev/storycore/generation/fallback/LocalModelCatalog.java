package dev.storycore.generation.fallback;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models and components found under a models folder, each analysed with
 * {@link ModelFolderAnalyzer} and matched to the registry where possible. Immutable; Jackson
 * serializes it as it is.
 *
 * <p>{@link #scan} looks at the folder itself when it is a diffusers folder, a Hugging Face cache
 * repository or a ComfyUI install or models folder; otherwise at its loose weight files and at each
 * immediate subfolder (a folder of diffusers folders, a Hugging Face {@code hub/} cache, several
 * ComfyUI installs). Hidden subfolders and links that leave the folder are skipped. Matching:
 * diffusers folders by pipeline class, {@code model_index.json} and transformer config; single files
 * by their ComfyUI names, e.g. {@code wan2.1_t2v_1.3B_fp16.safetensors}.
 *
 * @param models     the models found, recognised or not (unrecognised single files are components only)
 * @param components every component found, keyed where known
 * @param problems   folders that could not be read, one sentence each
 */
public record LocalModelCatalog(List<LocalModel> models, List<LocalComponent> components, List<String> problems) {

    /** Copies the lists. */
    public LocalModelCatalog {
        models = List.copyOf(models);
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    /**
     * A catalog with nothing in it.
     *
     * @return the empty catalog
     */
    public static LocalModelCatalog empty() {
        return new LocalModelCatalog(List.of(), List.of(), List.of());
    }

    /**
     * Scans a models folder.
     *
     * @param dir    the folder
     * @param models the registry to match against
     * @return what was found
     * @throws GenerationException when {@code dir} is not a readable folder, with a one-line message
     */
    public static LocalModelCatalog scan(Path dir, ModelRegistry models) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(models, "models");
        ModelFolderReport top = ModelFolderAnalyzer.analyze(dir);
        LocalModelCatalog catalog = of(top, models);
        if (top.layout() != ModelLayout.UNKNOWN && top.layout() != ModelLayout.SINGLE_FILE) {
            return catalog;
        }
        List<String> problems = new ArrayList<>();
        for (Path sub : subfolders(dir)) {
            try {
                catalog = catalog.plus(of(ModelFolderAnalyzer.analyze(sub), models));
            } catch (GenerationException e) {
                problems.add(e.getMessage() + ".");
            }
        }
        return catalog.plus(new LocalModelCatalog(List.of(), List.of(), problems));
    }

    /**
     * The models and components of one analysed folder.
     *
     * @param report the analyzer's report; its root is where paths are resolved
     * @param models the registry to match against
     * @return what the folder holds
     */
    public static LocalModelCatalog of(ModelFolderReport report, ModelRegistry models) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(models, "models");
        Path root = report.root();
        return switch (report.layout()) {
            case DIFFUSERS, HF_CACHE -> report.pipeline().isEmpty()
                    ? singleFiles(report, DiffusersMatcher.modelDir(root), models)
                    : diffusers(report, models);
            case COMFYUI -> singleFiles(report, comfyModelsFolder(root), models);
            case SINGLE_FILE -> singleFiles(report, root, models);
            case UNKNOWN -> empty();
        };
    }

    /**
     * This catalog and another together.
     *
     * @param other the other catalog
     * @return a new catalog, this one's entries first
     */
    public LocalModelCatalog plus(LocalModelCatalog other) {
        return new LocalModelCatalog(concat(models, other.models), concat(components, other.components),
                concat(problems, other.problems));
    }

    /**
     * The first usable copy of a model.
     *
     * @param modelId the registry id
     * @return the copy, or empty when none is usable
     */
    public Optional<LocalModel> usableCopy(String modelId) {
        return models.stream().filter(model -> model.usable() && model.modelId().equals(modelId)).findFirst();
    }

    /**
     * Healthy components that can stand in for a broken one, closest first: from a copy of the same
     * model, then from any other folder.
     *
     * @param broken the broken component
     * @return the candidates
     */
    public List<LocalComponent> replacementsFor(LocalComponent broken) {
        Objects.requireNonNull(broken, "broken");
        return components.stream().filter(candidate -> candidate.canReplace(broken))
                .sorted(java.util.Comparator.comparing(c -> !c.modelId().equals(broken.modelId())))
                .toList();
    }

    private static LocalModelCatalog diffusers(ModelFolderReport report, ModelRegistry models) {
        Optional<DiffusersMatcher.Match> match = DiffusersMatcher.match(report.root(), report, models);
        String modelId = match.map(DiffusersMatcher.Match::modelId).orElse("");
        Path dir = DiffusersMatcher.modelDir(report.root());
        List<String> problems = new ArrayList<>(report.problems());
        List<LocalComponent> components = new ArrayList<>();
        for (ComponentReport component : report.components()) {
            String key = modelId.isEmpty() ? "" : ComponentKeys.ofDiffusers(modelId, component.name());
            components.add(new LocalComponent(key, component.name(), dir.resolve(component.name()).toString(), false,
                    component.status(), modelId, component.bytes()));
            if (component.status() != ComponentStatus.OK) {
                problems.add(component.problems().isEmpty() ? component.name() + " is " + component.status() + "."
                        : component.problems().get(0));
            }
        }
        if (modelId.isEmpty()) {
            problems.add(report.pipeline() + " folder not matched to a known model.");
        }
        var model = new LocalModel(report.root().toString(), report.layout(), modelId,
                match.map(DiffusersMatcher.Match::how).orElse(""), report.usable() && !modelId.isEmpty(), List.of(),
                problems);
        return new LocalModelCatalog(List.of(model), components, List.of());
    }

    private static LocalModelCatalog singleFiles(ModelFolderReport report, Path base, ModelRegistry models) {
        List<LocalComponent> components = SingleFileModels.components(base, report);
        return new LocalModelCatalog(SingleFileModels.models(report, components, models), components, List.of());
    }

    private static Path comfyModelsFolder(Path root) {
        Path models = root.resolve("models");
        return Files.isDirectory(models) && ComfyUiLayout.FOLDERS.stream()
                .anyMatch(folder -> Files.isDirectory(models.resolve(folder))) ? models : root;
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            Path real = dir.toRealPath();
            return children.filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) || staysInside(child, real))
                    .sorted().toList();
        } catch (IOException e) {
            throw new GenerationException("cannot read folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean staysInside(Path link, Path real) {
        try {
            return Files.isDirectory(link) && link.toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
