package dev.storycore.generation.fallback;

import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Says what in a model folder is usable, missing, incomplete, corrupt or unsafe, from headers alone.
 *
 * <p>The layout is recognised in this order: a Hugging Face cache repository or snapshot
 * ({@code models--org--name/…}); a diffusers pipeline ({@code model_index.json}, or a
 * {@code scheduler/scheduler_config.json} when the index is missing); a ComfyUI models folder
 * ({@code models/} or the folder itself holding diffusion_models, unet, text_encoders, clip, vae,
 * clip_vision, upscale_models, loras or checkpoints); loose weights or one model folder; else
 * {@link ModelLayout#UNKNOWN} with a folder-level problem.
 *
 * <p>Safety: files are read through bounded reads of their header only (8 bytes plus the declared
 * header, at most {@link SafetensorsHeader#MAX_HEADER_BYTES}; side JSON files at most 64 MiB); pickle
 * files are recognised by their first bytes and never unpickled; symbolic links are followed only when
 * they resolve inside the analysed folder, or inside the repository folder of a Hugging Face cache.
 * A link that leaves it makes its component {@link ComponentStatus#UNSAFE}, and its target is not read.
 *
 * <p>Cost: one header read per weight file, independent of the tensor data's size. Stateless and
 * thread-safe.
 */
public final class ModelFolderAnalyzer {

    private ModelFolderAnalyzer() {
    }

    /**
     * Analyses a model folder.
     *
     * @param root the folder: a diffusers pipeline, a ComfyUI install or models folder, a folder of
     *             weight files, or a Hugging Face cache repository or snapshot
     * @return the report; problems inside the folder are reported, not thrown
     * @throws GenerationException when {@code root} is not a folder or cannot be read, with a
     *                             one-line message
     */
    public static ModelFolderReport analyze(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new GenerationException("not a folder: " + root);
        }
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new GenerationException("cannot read folder " + root + ": " + reason(e), e);
        }
        Optional<Path> repository = HfCacheLayout.repositoryOf(real);
        if (repository.isPresent()) {
            return HfCacheLayout.analyze(root, real, repository.get());
        }
        return analyzeFolder(root, real, new PathGuard(real));
    }

    /** Analyses a real folder whose links must stay under {@code guard}'s boundary. */
    static ModelFolderReport analyzeFolder(Path reportRoot, Path dir, PathGuard guard) {
        Set<String> names = list(reportRoot, dir);
        if (DiffusersLayout.looksLike(dir, names)) {
            return DiffusersLayout.analyze(reportRoot, dir, names, guard);
        }
        Optional<Path> models = ComfyUiLayout.modelsFolder(dir, names);
        if (models.isPresent()) {
            return ComfyUiLayout.analyze(reportRoot, models.get(), guard);
        }
        if (SingleFileLayout.looksLike(dir, names)) {
            return SingleFileLayout.analyze(reportRoot, dir, names, guard);
        }
        return ModelFolderReport.of(reportRoot, ModelLayout.UNKNOWN, "", List.of(), List.of(
                "No model_index.json, no ComfyUI model folders and no weight files were found."));
    }

    private static Set<String> list(Path reportRoot, Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return new TreeSet<>(children.map(child -> child.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new GenerationException("cannot read folder " + reportRoot + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }
}
