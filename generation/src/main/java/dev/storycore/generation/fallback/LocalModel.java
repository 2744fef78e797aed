package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;

/**
 * A model found on disk: a diffusers folder or Hugging Face cache repository, or a set of single
 * files in a ComfyUI models folder, with the registry model it holds where that could be told.
 * Immutable; Jackson serializes it as it is.
 *
 * @param path      the folder, or for single files the diffusion file
 * @param layout    how it is stored
 * @param modelId   the registry model it holds; empty when not recognised
 * @param matchedBy how it was recognised, e.g. {@code file name wan2.1_t2v_1.3B_fp16.safetensors}; empty
 *                  when not recognised
 * @param usable    whether everything the model needs is there and verified: the folder analysed as
 *                  usable, or for single files the diffusion files and every companion (text encoders,
 *                  VAE, image encoder) present and OK
 * @param files     for single files, the files it uses (relative to the models folder); empty for folders
 * @param problems  why it is not usable, one sentence each
 */
public record LocalModel(String path, ModelLayout layout, String modelId, String matchedBy, boolean usable,
                         List<String> files, List<String> problems) {

    /** Checks that nothing is null and copies the lists. */
    public LocalModel {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(matchedBy, "matchedBy");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * Whether the folder or files were matched to a registry model.
     *
     * @return true when {@link #modelId()} is not empty
     */
    public boolean recognised() {
        return !modelId.isEmpty();
    }
}
