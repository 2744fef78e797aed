package dev.storycore.generation.fallback;

import dev.storycore.generation.GenerationException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses a diffusers pipeline folder: reads {@code model_index.json}, works out the components the
 * pipeline needs ({@link PipelineRequirements}) and checks each subfolder ({@link ComponentFolder}).
 * Without a usable index it reports that and checks whatever component subfolders are there.
 * Stateless and thread-safe.
 */
final class DiffusersLayout {

    static final String MODEL_INDEX = "model_index.json";

    private DiffusersLayout() {
    }

    static boolean looksLike(Path dir, Set<String> names) {
        return names.contains(MODEL_INDEX)
                || Files.exists(dir.resolve("scheduler").resolve("scheduler_config.json"), LinkOption.NOFOLLOW_LINKS);
    }

    static ModelFolderReport analyze(Path reportRoot, Path dir, Set<String> names, PathGuard guard) {
        Findings folder = new Findings();
        Optional<ModelIndex> index = readIndex(dir, guard, folder);
        if (index.isEmpty()) {
            return ModelFolderReport.of(reportRoot, ModelLayout.DIFFUSERS, "", scanSubfolders(dir, names, guard),
                    folder.problems());
        }
        String pipeline = index.get().pipelineClass();
        if (pipeline.isEmpty()) {
            folder.add(ComponentStatus.CORRUPT, MODEL_INDEX + " names no pipeline class (_class_name).");
        }
        List<ComponentReport> components = new ArrayList<>();
        for (RequiredComponent required : PipelineRequirements.requiredComponents(index.get())) {
            components.add(checkRequired(dir, index.get(), required, guard));
        }
        return ModelFolderReport.of(reportRoot, ModelLayout.DIFFUSERS, pipeline, components, folder.problems());
    }

    private static Optional<ModelIndex> readIndex(Path dir, PathGuard guard, Findings folder) {
        Optional<Path> real = guard.readable(dir.resolve(MODEL_INDEX), MODEL_INDEX, folder);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        switch (Json.readFile(real.get())) {
            case Json.Parsed parsed -> {
                try {
                    return Optional.of(ModelIndex.of(parsed.node()));
                } catch (GenerationException e) {
                    folder.add(ComponentStatus.CORRUPT, e.getMessage() + ".");
                }
            }
            case Json.Failed failed -> folder.add(failed.status(), MODEL_INDEX + " " + failed.problem() + ".");
        }
        return Optional.empty();
    }

    private static ComponentReport checkRequired(Path dir, ModelIndex index, RequiredComponent required,
                                                 PathGuard guard) {
        String name = required.name();
        Optional<ModelIndex.Entry> entry = index.component(name);
        if (entry.isPresent() && !entry.get().declared()) {
            return ComponentReport.without(name, ComponentStatus.MISSING, MODEL_INDEX + " declares " + name
                    + " as [null, null], but " + required.reason() + ".");
        }
        Path sub = dir.resolve(name);
        if (!Files.exists(sub, LinkOption.NOFOLLOW_LINKS)) {
            return ComponentReport.without(name, ComponentStatus.MISSING, name + "/ is missing; "
                    + required.reason() + ".");
        }
        String className = entry.map(ModelIndex.Entry::className).orElse("");
        return ComponentFolder.check(name, sub, name + "/", ComponentKind.of(name, className), guard);
    }

    /** Without an index: every subfolder that holds a config or tokenizer files, by name. */
    private static List<ComponentReport> scanSubfolders(Path dir, Set<String> names, PathGuard guard) {
        List<ComponentReport> components = new ArrayList<>();
        for (String name : names) {
            Path sub = dir.resolve(name);
            if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS) && looksLikeComponent(sub)) {
                components.add(ComponentFolder.check(name, sub, name + "/", ComponentKind.of(name, ""), guard));
            }
        }
        return components;
    }

    private static boolean looksLikeComponent(Path sub) {
        return Files.exists(sub.resolve("config.json"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(sub.resolve("scheduler_config.json"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(sub.resolve("preprocessor_config.json"), LinkOption.NOFOLLOW_LINKS)
                || ComponentFolder.TOKENIZER_FILES.stream()
                        .anyMatch(file -> Files.exists(sub.resolve(file), LinkOption.NOFOLLOW_LINKS));
    }
}
