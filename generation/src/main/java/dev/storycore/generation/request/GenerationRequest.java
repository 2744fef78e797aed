package dev.storycore.generation.request;

import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import java.util.Objects;
import java.util.Optional;

/**
 * One video to generate. Input files are referenced by path or backend file name; an empty string
 * means "none" (use {@link #inputImagePath()} and friends for an {@code Optional}). Only nulls are
 * refused here; whether the numbers make sense is {@link RequestValidator}'s job, which snaps what it
 * can and explains what it cannot. Immutable; change one with {@link #toBuilder()}.
 *
 * @param workflow         what to make
 * @param modelId          the model, an id of the {@code ModelRegistry}
 * @param prompt           what the video shows; may be empty for image-to-video and upscale
 * @param negativePrompt   what to avoid; may be empty
 * @param inputImage       the first-frame / reference image; empty for none
 * @param mask             the inpainting mask; empty for none
 * @param sourceVideo      the video to upscale or inpaint; empty for none
 * @param width            frame width in pixels
 * @param height           frame height in pixels
 * @param frames           frames in the clip ({@code 4k+1} for every built-in model)
 * @param steps            sampling steps
 * @param cfg              guidance scale
 * @param fps              output frame rate
 * @param seed             noise seed, zero or more
 * @param batchSize        clips generated together, usually 1
 * @param precision        number format of the diffusion weights
 * @param offload          how much of the model lives in system RAM
 * @param vaeTiling        whether the VAE decodes in tiles
 * @param vaeTileSize      tile side in pixels when tiling (ComfyUI's default 512)
 * @param textEncoderOnCpu whether the text encoder runs on the CPU
 */
public record GenerationRequest(
        Workflow workflow,
        String modelId,
        String prompt,
        String negativePrompt,
        String inputImage,
        String mask,
        String sourceVideo,
        int width,
        int height,
        int frames,
        int steps,
        double cfg,
        int fps,
        long seed,
        int batchSize,
        Precision precision,
        Offload offload,
        boolean vaeTiling,
        int vaeTileSize,
        boolean textEncoderOnCpu) {

    /** Checks that nothing is null. */
    public GenerationRequest {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(negativePrompt, "negativePrompt");
        Objects.requireNonNull(inputImage, "inputImage");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(sourceVideo, "sourceVideo");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(offload, "offload");
    }

    /**
     * A builder with the defaults of {@link GenerationRequestBuilder}: 832x480, 81 frames, 30 steps,
     * cfg 5.0, 16 fps, seed 0, batch 1, BF16, no offload, no tiling (tile 512), text encoder on GPU.
     *
     * @param workflow what to make
     * @param modelId  the model id
     * @return a new builder
     */
    public static GenerationRequestBuilder builder(Workflow workflow, String modelId) {
        return new GenerationRequestBuilder(workflow, modelId);
    }

    /**
     * A builder preset with a model's defaults: its first native size, default frames, steps, cfg and fps.
     *
     * @param model    the model
     * @param workflow what to make
     * @return a new builder
     */
    public static GenerationRequestBuilder builder(ModelSpec model, Workflow workflow) {
        FrameSize size = model.defaultSize();
        return new GenerationRequestBuilder(workflow, model.id()).size(size.width(), size.height())
                .frames(model.defaultFrames()).steps(model.defaultSteps()).cfg(model.defaultCfg()).fps(model.fps());
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public GenerationRequestBuilder toBuilder() {
        return GenerationRequestBuilder.from(this);
    }

    /**
     * The frame size.
     *
     * @return width x height
     * @throws IllegalArgumentException if a side is below 1 (an unvalidated request)
     */
    public FrameSize size() {
        return new FrameSize(width, height);
    }

    /** @return the input image, if any */
    public Optional<String> inputImagePath() {
        return inputImage.isBlank() ? Optional.empty() : Optional.of(inputImage);
    }

    /** @return the mask, if any */
    public Optional<String> maskPath() {
        return mask.isBlank() ? Optional.empty() : Optional.of(mask);
    }

    /** @return the source video, if any */
    public Optional<String> sourceVideoPath() {
        return sourceVideo.isBlank() ? Optional.empty() : Optional.of(sourceVideo);
    }

    /**
     * A one-line summary for logs and tables, e.g. {@code wan2.1-t2v-1.3b 832x480x81 BF16 offload=MODEL}.
     *
     * @return the summary
     */
    public String summary() {
        return modelId + " " + width + "x" + height + "x" + frames + " " + precision
                + (offload == Offload.NONE ? "" : " offload=" + offload)
                + (vaeTiling ? " vae-tiling=" + vaeTileSize : "")
                + (textEncoderOnCpu ? " text-encoder=cpu" : "")
                + (batchSize == 1 ? "" : " batch=" + batchSize);
    }
}
