package dev.storycore.generation.request;

import dev.storycore.generation.model.Workflow;
import java.util.Objects;

/**
 * Builds a {@link GenerationRequest}; see {@link GenerationRequest#builder(Workflow, String)} for the
 * defaults. {@link #build()} refuses nulls only: values are judged by {@link RequestValidator}, which
 * can say why. Not thread-safe.
 */
public final class GenerationRequestBuilder {

    private Workflow workflow;
    private String modelId;
    private String prompt = "";
    private String negativePrompt = "";
    private String inputImage = "";
    private String mask = "";
    private String sourceVideo = "";
    private int width = 832;
    private int height = 480;
    private int frames = 81;
    private int steps = 30;
    private double cfg = 5.0;
    private int fps = 16;
    private long seed;
    private int batchSize = 1;
    private Precision precision = Precision.BF16;
    private Offload offload = Offload.NONE;
    private boolean vaeTiling;
    private int vaeTileSize = 512;
    private boolean textEncoderOnCpu;

    GenerationRequestBuilder(Workflow workflow, String modelId) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    static GenerationRequestBuilder from(GenerationRequest r) {
        return new GenerationRequestBuilder(r.workflow(), r.modelId()).prompt(r.prompt())
                .negativePrompt(r.negativePrompt()).inputImage(r.inputImage()).mask(r.mask())
                .sourceVideo(r.sourceVideo()).size(r.width(), r.height()).frames(r.frames()).steps(r.steps())
                .cfg(r.cfg()).fps(r.fps()).seed(r.seed()).batchSize(r.batchSize()).precision(r.precision())
                .offload(r.offload()).vaeTiling(r.vaeTiling()).vaeTileSize(r.vaeTileSize())
                .textEncoderOnCpu(r.textEncoderOnCpu());
    }

    /** @param value the workflow @return this builder */
    public GenerationRequestBuilder workflow(Workflow value) {
        this.workflow = Objects.requireNonNull(value, "workflow");
        return this;
    }

    /** @param value the model id @return this builder */
    public GenerationRequestBuilder modelId(String value) {
        this.modelId = Objects.requireNonNull(value, "modelId");
        return this;
    }

    /** @param value the prompt @return this builder */
    public GenerationRequestBuilder prompt(String value) {
        this.prompt = Objects.requireNonNull(value, "prompt");
        return this;
    }

    /** @param value the negative prompt @return this builder */
    public GenerationRequestBuilder negativePrompt(String value) {
        this.negativePrompt = Objects.requireNonNull(value, "negativePrompt");
        return this;
    }

    /** @param value the input image path or backend name; empty for none @return this builder */
    public GenerationRequestBuilder inputImage(String value) {
        this.inputImage = Objects.requireNonNull(value, "inputImage");
        return this;
    }

    /** @param value the mask path or backend name; empty for none @return this builder */
    public GenerationRequestBuilder mask(String value) {
        this.mask = Objects.requireNonNull(value, "mask");
        return this;
    }

    /** @param value the source video path or backend name; empty for none @return this builder */
    public GenerationRequestBuilder sourceVideo(String value) {
        this.sourceVideo = Objects.requireNonNull(value, "sourceVideo");
        return this;
    }

    /** @param newWidth pixels across @param newHeight pixels down @return this builder */
    public GenerationRequestBuilder size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** @param value frames in the clip @return this builder */
    public GenerationRequestBuilder frames(int value) {
        this.frames = value;
        return this;
    }

    /** @param value sampling steps @return this builder */
    public GenerationRequestBuilder steps(int value) {
        this.steps = value;
        return this;
    }

    /** @param value guidance scale @return this builder */
    public GenerationRequestBuilder cfg(double value) {
        this.cfg = value;
        return this;
    }

    /** @param value output frame rate @return this builder */
    public GenerationRequestBuilder fps(int value) {
        this.fps = value;
        return this;
    }

    /** @param value noise seed @return this builder */
    public GenerationRequestBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** @param value clips generated together @return this builder */
    public GenerationRequestBuilder batchSize(int value) {
        this.batchSize = value;
        return this;
    }

    /** @param value weight precision @return this builder */
    public GenerationRequestBuilder precision(Precision value) {
        this.precision = Objects.requireNonNull(value, "precision");
        return this;
    }

    /** @param value offload mode @return this builder */
    public GenerationRequestBuilder offload(Offload value) {
        this.offload = Objects.requireNonNull(value, "offload");
        return this;
    }

    /** @param value whether the VAE decodes in tiles @return this builder */
    public GenerationRequestBuilder vaeTiling(boolean value) {
        this.vaeTiling = value;
        return this;
    }

    /** @param value tile side in pixels @return this builder */
    public GenerationRequestBuilder vaeTileSize(int value) {
        this.vaeTileSize = value;
        return this;
    }

    /** @param value whether the text encoder runs on the CPU @return this builder */
    public GenerationRequestBuilder textEncoderOnCpu(boolean value) {
        this.textEncoderOnCpu = value;
        return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public GenerationRequest build() {
        return new GenerationRequest(workflow, modelId, prompt, negativePrompt, inputImage, mask, sourceVideo, width,
                height, frames, steps, cfg, fps, seed, batchSize, precision, offload, vaeTiling, vaeTileSize,
                textEncoderOnCpu);
    }
}
