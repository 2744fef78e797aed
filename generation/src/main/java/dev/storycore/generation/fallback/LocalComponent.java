package dev.storycore.generation.fallback;

import java.util.Objects;

/**
 * One component found on disk, keyed by what it is so that a broken one can be replaced by a healthy
 * one with the same key (see {@link ComponentKeys} and {@link KnownFiles} for the keys: {@code umt5-xxl},
 * {@code wan2.1-vae}, {@code transformer:wan2.1-t2v-1.3b} …). Immutable.
 *
 * @param key        what it is; empty when not known
 * @param name       the component as its report names it, e.g. {@code text_encoder} or
 *                   {@code text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors}
 * @param path       where it is: a component folder or a weight file
 * @param singleFile true for a single weight file (ComfyUI), false for a diffusers component folder; a
 *                   replacement must be of the same form
 * @param status     what the analyzer found
 * @param modelId    the registry model of the folder it belongs to; empty for loose shared files
 * @param bytes      its weights' size on disk
 */
public record LocalComponent(String key, String name, String path, boolean singleFile, ComponentStatus status,
                             String modelId, long bytes) {

    /** Checks that nothing is null. */
    public LocalComponent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(modelId, "modelId");
    }

    /**
     * Whether it can stand in for a broken component: same key, same form, and verified OK.
     *
     * @param broken the broken component
     * @return true when this one may replace it
     */
    public boolean canReplace(LocalComponent broken) {
        return status == ComponentStatus.OK && !key.isEmpty() && key.equals(broken.key())
                && singleFile == broken.singleFile() && !path.equals(broken.path());
    }
}
