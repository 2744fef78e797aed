package dev.storycore.comfyui;

import java.util.Objects;

/**
 * A model file a workflow loads, where ComfyUI looks for it, and where to get it.
 *
 * @param filename  e.g. {@code wan2.2_ti2v_5B_fp16.safetensors}
 * @param folder    the folder under ComfyUI's {@code models}, e.g. {@code diffusion_models}
 * @param nodeClass the loader, e.g. {@code UNETLoader}
 * @param input     the loader input naming it, e.g. {@code unet_name}
 * @param source    where it is published, e.g. {@code huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged};
 *                  empty when unknown
 */
public record ModelFile(String filename, String folder, String nodeClass, String input, String source) {

    /** Checks for nulls. */
    public ModelFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(nodeClass, "nodeClass");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(source, "source");
    }

    /**
     * What to do when the file is missing, e.g. {@code put wan2.2_vae.safetensors in models/vae (from
     * huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged)}.
     *
     * @return one line
     */
    public String hint() {
        return "put " + filename + " in models/" + folder + (source.isEmpty() ? "" : " (from " + source + ")");
    }
}
