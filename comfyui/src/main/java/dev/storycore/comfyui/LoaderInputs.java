package dev.storycore.comfyui;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which loader inputs name model files, and in which folder under ComfyUI's {@code models} each
 * looks; which inputs name uploaded files instead. Not exported; stateless.
 */
final class LoaderInputs {

    private static final Map<String, String> MODEL_FOLDERS = Map.ofEntries(
            Map.entry("UNETLoader.unet_name", "diffusion_models"),
            Map.entry("CLIPLoader.clip_name", "text_encoders"),
            Map.entry("DualCLIPLoader.clip_name1", "text_encoders"),
            Map.entry("DualCLIPLoader.clip_name2", "text_encoders"),
            Map.entry("VAELoader.vae_name", "vae"),
            Map.entry("CLIPVisionLoader.clip_name", "clip_vision"),
            Map.entry("UpscaleModelLoader.model_name", "upscale_models"),
            Map.entry("LoraLoaderModelOnly.lora_name", "loras"),
            Map.entry("LoraLoader.lora_name", "loras"),
            Map.entry("CheckpointLoaderSimple.ckpt_name", "checkpoints"));

    private static final Set<String> UPLOADS = Set.of("LoadImage.image", "LoadImageMask.image", "LoadVideo.file");

    private LoaderInputs() {
    }

    /** The models folder an input reads from, e.g. {@code diffusion_models} for {@code UNETLoader.unet_name}. */
    static Optional<String> modelFolder(String nodeClass, String input) {
        return Optional.ofNullable(MODEL_FOLDERS.get(nodeClass + "." + input));
    }

    /** Whether an input names a file uploaded to the input folder. */
    static boolean isUpload(String nodeClass, String input) {
        return UPLOADS.contains(nodeClass + "." + input);
    }
}
