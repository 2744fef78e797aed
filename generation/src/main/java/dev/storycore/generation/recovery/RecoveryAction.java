package dev.storycore.generation.recovery;

import static dev.storycore.generation.errors.GenerationErrorCategory.ARCHITECTURE;
import static dev.storycore.generation.errors.GenerationErrorCategory.BACKEND_UNAVAILABLE;
import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.HARDWARE_OPTIMIZATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.HOST_MEMORY;
import static dev.storycore.generation.errors.GenerationErrorCategory.INFERENCE;
import static dev.storycore.generation.errors.GenerationErrorCategory.INTERRUPTED;
import static dev.storycore.generation.errors.GenerationErrorCategory.MEMORY_MANAGEMENT;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.TEMPORAL_PROCESSING;
import static dev.storycore.generation.errors.GenerationErrorCategory.TIMEOUT;
import static dev.storycore.generation.errors.GenerationErrorCategory.UNKNOWN;
import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_DOWNLOAD;
import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_INTEGRITY;
import static dev.storycore.generation.recovery.ActionKind.BACKEND;
import static dev.storycore.generation.recovery.ActionKind.HUMAN;
import static dev.storycore.generation.recovery.ActionKind.REQUEST;

import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.request.GenerationRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Every move StoryCore knows after a failure, with its odds and costs. {@link ActionKind#REQUEST}
 * actions are pure functions request → request ({@link #apply}); backend and human actions leave the
 * request as it is and are carried out by the executor or reported to a person.
 *
 * <p>The numbers are priors, before the planner looks at the request and the GPU:
 * {@code successProbability} in [0, 1]; {@code qualityImpact} in [0, 1], 0 = output unchanged, 1 =
 * output worthless; {@code timeImpact} a factor on the job's run time (1 = unchanged, 4 = four times
 * slower, 0.5 = twice as fast). {@code safeToApplyAutomatically} means the action keeps the shot's
 * content, length and framing, so no person needs to agree first.
 */
public enum RecoveryAction {
    // Out of GPU memory: settings that cost time, not quality.
    ENABLE_VAE_TILING(REQUEST, 0.50, 0.00, 1.10, true, "decode the VAE in tiles", MEMORY_MANAGEMENT),
    SMALLER_VAE_TILE(REQUEST, 0.40, 0.02, 1.20, true, "halve the VAE tile (down to 128 px)", MEMORY_MANAGEMENT),
    TEXT_ENCODER_ON_CPU(REQUEST, 0.40, 0.00, 1.15, true, "run the text encoder on the CPU", MEMORY_MANAGEMENT),
    FP8_WEIGHTS(REQUEST, 0.60, 0.05, 1.00, true, "load the diffusion weights as FP8", MEMORY_MANAGEMENT, HOST_MEMORY),
    MODEL_OFFLOAD(REQUEST, 0.60, 0.00, 1.30, true, "keep one model component on the GPU at a time", MEMORY_MANAGEMENT),
    SEQUENTIAL_OFFLOAD(REQUEST, 0.80, 0.00, 4.00, true, "stream the weights layer by layer", MEMORY_MANAGEMENT),
    REDUCE_BATCH(REQUEST, 0.80, 0.00, 1.00, true, "halve the batch", MEMORY_MANAGEMENT, HOST_MEMORY),
    // Out of GPU memory: cuts the viewer sees.
    FIT_FRAMES_TO_MEMORY(REQUEST, 0.80, 0.25, 0.80, false, "cut frames until the estimate fits", MEMORY_MANAGEMENT),
    HALVE_FRAMES(REQUEST, 0.70, 0.35, 0.55, false, "halve the clip", MEMORY_MANAGEMENT, TEMPORAL_PROCESSING),
    FIT_RESOLUTION_TO_MEMORY(REQUEST, 0.80, 0.30, 0.60, false, "lower the resolution until the estimate fits",
            MEMORY_MANAGEMENT),
    LOWER_RESOLUTION_STEP(REQUEST, 0.50, 0.20, 0.75, false, "lower the resolution one step", MEMORY_MANAGEMENT),
    DROP_TO_480P(REQUEST, 0.75, 0.40, 0.45, false, "drop to 480p", MEMORY_MANAGEMENT),
    SWITCH_TO_LIGHTER_MODEL(REQUEST, 0.85, 0.45, 0.50, false, "switch to a lighter model for the workflow",
            MEMORY_MANAGEMENT, HOST_MEMORY),
    FIT_REQUEST_TO_MEMORY(REQUEST, 0.90, 0.20, 1.50, false,
            "apply the cheapest pre-flight plan that fits the corrected estimate", MEMORY_MANAGEMENT),
    // Out of GPU memory: the backend or a person.
    FREE_GPU_MEMORY(BACKEND, 0.30, 0.00, 1.05, true, "ask the backend to free cached memory (POST /free)",
            MEMORY_MANAGEMENT),
    UNLOAD_MODELS(BACKEND, 0.35, 0.00, 1.20, true, "ask the backend to unload every model", MEMORY_MANAGEMENT,
            HOST_MEMORY),
    ROUTE_TO_LARGER_GPU(BACKEND, 0.45, 0.00, 1.00, true, "send the job to a worker with more memory",
            MEMORY_MANAGEMENT),
    CLOSE_OTHER_GPU_PROCESSES(HUMAN, 0.50, 0.00, 1.00, false, "close other programs that hold GPU memory",
            MEMORY_MANAGEMENT),
    // System RAM.
    DISABLE_OFFLOAD(REQUEST, 0.40, 0.00, 0.80, true, "keep every component on the GPU", HOST_MEMORY, INFERENCE),
    TEXT_ENCODER_ON_GPU(REQUEST, 0.35, 0.00, 0.90, true, "run the text encoder on the GPU", HOST_MEMORY),
    RESTART_WORKER(BACKEND, 0.60, 0.00, 1.50, true, "restart the backend worker", HOST_MEMORY, BACKEND_UNAVAILABLE),
    ADD_SYSTEM_MEMORY(HUMAN, 0.70, 0.00, 1.00, false, "add system RAM or swap", HOST_MEMORY),
    // Backend unreachable or slow.
    RETRY_AS_IS(BACKEND, 0.50, 0.00, 1.00, true, "retry unchanged after a backoff", BACKEND_UNAVAILABLE, TIMEOUT,
            WEIGHTS_DOWNLOAD, UNKNOWN),
    WAIT_FOR_BACKEND(BACKEND, 0.70, 0.00, 1.20, true, "wait until the backend answers its health check",
            BACKEND_UNAVAILABLE),
    RECONNECT_WEBSOCKET(BACKEND, 0.60, 0.00, 1.00, true, "reconnect the progress WebSocket", BACKEND_UNAVAILABLE,
            TIMEOUT),
    POLL_HISTORY(BACKEND, 0.50, 0.00, 1.00, true, "poll /history: the job may have finished unseen", TIMEOUT,
            BACKEND_UNAVAILABLE),
    SWITCH_BACKEND(BACKEND, 0.55, 0.00, 1.00, true, "send the job to another backend", BACKEND_UNAVAILABLE, TIMEOUT),
    EXTEND_TIMEOUT(BACKEND, 0.60, 0.00, 1.50, true, "allow the job more time", TIMEOUT),
    FEWER_STEPS(REQUEST, 0.60, 0.15, 0.60, false, "sample with fewer steps", TIMEOUT),
    FALL_BACK_TO_CPU_PLACEHOLDER(BACKEND, 0.99, 1.00, 1.00, true, "make a labelled placeholder on the CPU",
            BACKEND_UNAVAILABLE, MEMORY_MANAGEMENT, MODEL_LOADING, UNKNOWN),
    // Sampling failures and GPU features.
    NEW_SEED(REQUEST, 0.50, 0.00, 1.00, true, "retry with another seed", INFERENCE),
    SWITCH_TO_BF16(REQUEST, 0.60, 0.00, 1.00, true, "use BF16 (FP16 overflows, FP8 kernels unsupported)",
            INFERENCE, HARDWARE_OPTIMIZATION),
    SWITCH_TO_FP16(REQUEST, 0.70, 0.00, 1.00, true, "use FP16 on a GPU without bfloat16", HARDWARE_OPTIMIZATION),
    LOWER_CFG(REQUEST, 0.30, 0.05, 1.00, false, "lower the guidance scale", INFERENCE),
    USE_SDPA_ATTENTION(BACKEND, 0.70, 0.00, 1.15, true, "switch the attention backend to PyTorch SDPA",
            HARDWARE_OPTIMIZATION),
    DISABLE_TORCH_COMPILE(BACKEND, 0.50, 0.00, 1.20, true, "run without torch.compile", HARDWARE_OPTIMIZATION),
    DISABLE_FAST_FP8_KERNELS(BACKEND, 0.60, 0.00, 1.10, true, "load FP8 weights without the fast FP8 matmul",
            HARDWARE_OPTIMIZATION),
    UPDATE_GPU_DRIVER(HUMAN, 0.40, 0.00, 1.00, false, "update the GPU driver, CUDA and cuBLAS",
            HARDWARE_OPTIMIZATION, INFERENCE),
    // Parameters and frame counts.
    VALIDATE_AND_SNAP_REQUEST(REQUEST, 0.95, 0.02, 1.00, true, "apply every validator adjustment",
            PARAMETER_VALIDATION, TEMPORAL_PROCESSING),
    SNAP_SIZE_TO_MULTIPLE(REQUEST, 0.90, 0.00, 1.00, true, "snap width and height to the model's multiple",
            PARAMETER_VALIDATION),
    SNAP_FRAMES_TO_RULE(REQUEST, 0.90, 0.00, 1.00, true, "snap frames to the model's 4k+1 rule",
            PARAMETER_VALIDATION, TEMPORAL_PROCESSING),
    CLAMP_FRAMES_TO_MAXIMUM(REQUEST, 0.90, 0.10, 0.90, true, "cut frames to the model's maximum",
            PARAMETER_VALIDATION, TEMPORAL_PROCESSING),
    CLAMP_STEPS_AND_CFG(REQUEST, 0.85, 0.02, 1.00, true, "clamp steps and guidance into range", PARAMETER_VALIDATION),
    USE_NATIVE_SIZE(REQUEST, 0.70, 0.10, 1.00, false, "use the model's nearest native size", PARAMETER_VALIDATION,
            INFERENCE),
    USE_MODEL_DEFAULT_FRAMES(REQUEST, 0.70, 0.15, 1.00, false, "use the model's default frame count",
            TEMPORAL_PROCESSING),
    MATCH_MODEL_FPS(REQUEST, 0.50, 0.05, 1.00, true, "use the model's native frame rate", TEMPORAL_PROCESSING),
    // Conditioning inputs.
    TRUNCATE_PROMPT(REQUEST, 0.40, 0.10, 1.00, false, "shorten the prompt", CONDITIONING),
    DROP_NEGATIVE_PROMPT(REQUEST, 0.20, 0.05, 1.00, false, "drop the negative prompt", CONDITIONING),
    SWITCH_TO_TEXT_TO_VIDEO(REQUEST, 0.60, 0.60, 1.00, false, "drop the input image and generate from text",
            CONDITIONING),
    RESIZE_INPUT_IMAGE(BACKEND, 0.50, 0.00, 1.00, true, "convert the input image to RGB at the request size",
            CONDITIONING),
    CHECK_TEXT_ENCODER_TYPE(HUMAN, 0.80, 0.00, 1.00, false, "load the text encoder and type the model expects",
            CONDITIONING, ARCHITECTURE),
    PROVIDE_INPUT_FILES(HUMAN, 0.90, 0.00, 1.00, false, "provide the missing image, mask or video", CONDITIONING),
    // Models and weights.
    SWITCH_TO_ALTERNATIVE_MODEL(REQUEST, 0.70, 0.30, 1.00, false, "use another model that supports the workflow",
            MODEL_LOADING, ARCHITECTURE, WEIGHTS_INTEGRITY, WEIGHTS_DOWNLOAD),
    RETRY_DOWNLOAD_LATER(BACKEND, 0.60, 0.00, 2.00, true, "retry the download after the rate limit passes",
            WEIGHTS_DOWNLOAD),
    USE_DOWNLOAD_MIRROR(BACKEND, 0.50, 0.00, 1.00, true, "download from a mirror endpoint", WEIGHTS_DOWNLOAD),
    ACCEPT_LICENSE_AND_LOG_IN(HUMAN, 0.90, 0.00, 1.00, false, "accept the model licence and log in to the hub",
            WEIGHTS_DOWNLOAD),
    DOWNLOAD_MISSING_WEIGHTS(HUMAN, 0.90, 0.00, 1.00, false, "download the missing model file", MODEL_LOADING),
    REDOWNLOAD_WEIGHTS(HUMAN, 0.90, 0.00, 1.00, false, "re-download the weights (truncated or corrupt)",
            WEIGHTS_INTEGRITY, WEIGHTS_DOWNLOAD),
    VERIFY_CHECKSUMS(HUMAN, 0.60, 0.00, 1.00, false, "verify the weight files' checksums", WEIGHTS_INTEGRITY),
    USE_MATCHING_CHECKPOINT(HUMAN, 0.85, 0.00, 1.00, false, "use weights of the model family and variant chosen",
            ARCHITECTURE),
    UPDATE_LIBRARIES(HUMAN, 0.70, 0.00, 1.00, false, "update diffusers, transformers and torch", MODEL_LOADING,
            ARCHITECTURE),
    UPDATE_COMFYUI(HUMAN, 0.60, 0.00, 1.00, false, "update ComfyUI", MODEL_LOADING, HARDWARE_OPTIMIZATION),
    INSTALL_CUSTOM_NODES(HUMAN, 0.80, 0.00, 1.00, false, "install the custom nodes the workflow uses", MODEL_LOADING),
    // Cancelled or not understood.
    CONFIRM_CANCELLATION(HUMAN, 0.90, 0.00, 1.00, false, "confirm the cancellation; resubmit only if unintended",
            INTERRUPTED),
    REPORT_TO_OPERATOR(HUMAN, 0.30, 0.00, 1.00, false, "send the full error report to a person", UNKNOWN, INTERRUPTED,
            MODEL_LOADING, ARCHITECTURE, WEIGHTS_INTEGRITY, INFERENCE, HARDWARE_OPTIMIZATION, CONDITIONING);

    private final ActionKind kind;
    private final double successProbability;
    private final double qualityImpact;
    private final double timeImpact;
    private final boolean safeToApplyAutomatically;
    private final String description;
    private final Set<GenerationErrorCategory> categories;

    RecoveryAction(ActionKind kind, double successProbability, double qualityImpact, double timeImpact,
            boolean safeToApplyAutomatically, String description, GenerationErrorCategory... categories) {
        this.kind = kind;
        this.successProbability = successProbability;
        this.qualityImpact = qualityImpact;
        this.timeImpact = timeImpact;
        this.safeToApplyAutomatically = safeToApplyAutomatically;
        this.description = description;
        this.categories = Set.copyOf(EnumSet.of(categories[0], categories));
    }

    /** @return who carries the action out */
    public ActionKind kind() {
        return kind;
    }

    /** @return the prior chance that the retry succeeds, in [0, 1] */
    public double successProbability() {
        return successProbability;
    }

    /** @return the quality lost, 0 = none, 1 = output worthless */
    public double qualityImpact() {
        return qualityImpact;
    }

    /** @return the factor on run time, 1 = unchanged */
    public double timeImpact() {
        return timeImpact;
    }

    /** @return whether the action keeps content, length and framing, so it may run without asking */
    public boolean safeToApplyAutomatically() {
        return safeToApplyAutomatically;
    }

    /** @return what the action does, in a few words */
    public String description() {
        return description;
    }

    /** @return the error categories the action addresses */
    public Set<GenerationErrorCategory> categories() {
        return categories;
    }

    /**
     * Whether the action addresses a category.
     *
     * @param category the category
     * @return {@code true} if it does
     */
    public boolean addresses(GenerationErrorCategory category) {
        return categories.contains(category);
    }

    /**
     * The request after this action. Pure: the same inputs give the same request. Backend and human
     * actions, and request actions with nothing to change, return the request unchanged.
     *
     * @param request the failed request
     * @param context the models, GPU, capacity and estimate correction
     * @return the changed request
     * @throws dev.storycore.generation.GenerationException if the request names an unknown model
     */
    public GenerationRequest apply(GenerationRequest request, RecoveryContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        return kind == REQUEST ? RequestChanges.apply(this, request, context) : request;
    }
}
