package dev.storycore.generation.fallback;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Analyses a folder of loose weights: either one model folder ({@code config.json} or a shard index
 * at the top, as a transformers or single diffusers component would have) or weight files side by
 * side, each its own component; subfolders with a {@code config.json} (such as native Wan 2.2's
 * {@code high_noise_model/}) are checked as model folders too. Stateless and thread-safe.
 */
final class SingleFileLayout {

    private SingleFileLayout() {
    }

    static boolean looksLike(Path dir, Set<String> names) {
        return isModelFolder(names) || names.stream().anyMatch(WeightFileInspector::isWeightName)
                || names.stream().anyMatch(name -> hasConfig(dir.resolve(name)));
    }

    static ModelFolderReport analyze(Path reportRoot, Path dir, Set<String> names, PathGuard guard) {
        List<ComponentReport> components = new ArrayList<>();
        if (isModelFolder(names)) {
            Path fileName = dir.getFileName();
            String name = fileName == null ? "model" : fileName.toString();
            components.add(ComponentFolder.check(name, dir, "", ComponentKind.MODEL, guard));
        } else {
            for (String name : names) {
                if (WeightFileInspector.isWeightName(name)) {
                    WeightFile file = WeightFileInspector.inspect(dir.resolve(name), name, guard);
                    components.add(ComponentReport.of(name, new Verification(ComponentStatus.OK, List.of()),
                            List.of(file)));
                }
            }
        }
        for (String name : names) {
            Path sub = dir.resolve(name);
            if (hasConfig(sub)) {
                components.add(ComponentFolder.check(name, sub, name + "/", ComponentKind.of(name, ""), guard));
            }
        }
        return ModelFolderReport.of(reportRoot, ModelLayout.SINGLE_FILE, "", components, List.of());
    }

    private static boolean isModelFolder(Set<String> names) {
        return names.contains("config.json") || names.stream().anyMatch(name -> name.endsWith(".index.json"));
    }

    private static boolean hasConfig(Path sub) {
        return Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(sub.resolve("config.json"), LinkOption.NOFOLLOW_LINKS);
    }
}
