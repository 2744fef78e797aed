package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Analyses a ComfyUI models folder, given either as {@code models/}'s parent or as the folder itself:
 * every weight file under the known subfolders is verified on its own and becomes one component named
 * by its path, e.g. {@code diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors}. Links to folders inside
 * the analysed folder are not descended (their targets are reached directly or not at all, and loops
 * are impossible); links that leave it are reported. Stateless and thread-safe.
 */
final class ComfyUiLayout {

    /** The model folders checked, ComfyUI's current names and their older aliases (unet, clip). */
    static final List<String> FOLDERS = List.of("checkpoints", "diffusion_models", "unet", "text_encoders", "clip",
            "vae", "clip_vision", "upscale_models", "loras");

    /** Subfolders deeper than this are not walked. */
    static final int MAX_DEPTH = 8;

    private ComfyUiLayout() {
    }

    /** The folder holding diffusion_models/, vae/ …: {@code dir/models} or {@code dir}, if either does. */
    static Optional<Path> modelsFolder(Path dir, Set<String> names) {
        Path models = dir.resolve("models");
        // Links are followed here only to recognise the layout; reading goes through the guard.
        if (names.contains("models") && Files.isDirectory(models)
                && FOLDERS.stream().anyMatch(folder -> Files.isDirectory(models.resolve(folder)))) {
            return Optional.of(models);
        }
        return FOLDERS.stream().anyMatch(names::contains) ? Optional.of(dir) : Optional.empty();
    }

    static ModelFolderReport analyze(Path reportRoot, Path models, PathGuard guard) {
        List<ComponentReport> components = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path sub = models.resolve(folder);
            if (!Files.exists(sub, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Findings findings = new Findings();
            Optional<Path> real = guard.readable(sub, folder + "/", findings);
            if (real.isEmpty()) {
                components.add(ComponentReport.without(folder + "/", findings.status(), findings.problems().get(0)));
            } else if (Files.isDirectory(real.get())) {
                walk(real.get(), folder + "/", 1, guard, components);
            }
        }
        List<String> problems = components.isEmpty()
                ? List.of("No model files found in " + String.join(", ", FOLDERS) + ".")
                : List.of();
        return ModelFolderReport.of(reportRoot, ModelLayout.COMFYUI, "", components, problems);
    }

    private static void walk(Path dir, String prefix, int depth, PathGuard guard, List<ComponentReport> into) {
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.sorted().toList();
        } catch (IOException e) {
            into.add(ComponentReport.without(prefix, ComponentStatus.CORRUPT, prefix + " could not be listed: " + e
                    + "."));
            return;
        }
        for (Path child : children) {
            String name = prefix + child.getFileName();
            if (WeightFileInspector.isWeightName(child.getFileName().toString())) {
                WeightFile file = WeightFileInspector.inspect(child, name, guard);
                into.add(ComponentReport.of(name, new Verification(ComponentStatus.OK, List.of()), List.of(file)));
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && depth < MAX_DEPTH) {
                walk(child, name + "/", depth + 1, guard, into);
            } else if (Files.isSymbolicLink(child)) {
                reportEscapingLink(child, name, guard, into);
            }
        }
    }

    private static void reportEscapingLink(Path link, String name, PathGuard guard, List<ComponentReport> into) {
        if (guard.resolve(link) instanceof PathGuard.Escapes escapes) {
            into.add(ComponentReport.without(name, ComponentStatus.UNSAFE, name + " is a link to " + escapes.target()
                    + ", outside the analysed folder; it was not read."));
        }
    }
}
