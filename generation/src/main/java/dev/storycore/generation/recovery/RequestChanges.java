package dev.storycore.generation.recovery;

import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.generation.request.RequestValidator;
import dev.storycore.generation.request.Snap;
import java.util.List;

/** The request changes behind {@link RecoveryAction#apply}; every case is a pure function. */
final class RequestChanges {

    /** Prompts longer than this are cut at a word boundary; about 200 tokens, within every encoder's window. */
    static final int MAX_PROMPT_CHARS = 800;

    private RequestChanges() {
    }

    static GenerationRequest apply(RecoveryAction action, GenerationRequest r, RecoveryContext context) {
        var b = r.toBuilder();
        return switch (action) {
            case ENABLE_VAE_TILING -> b.vaeTiling(true).build();
            case SMALLER_VAE_TILE -> smallerTile(r);
            case TEXT_ENCODER_ON_CPU -> b.textEncoderOnCpu(true).build();
            case TEXT_ENCODER_ON_GPU -> b.textEncoderOnCpu(false).build();
            case FP8_WEIGHTS -> b.precision(Precision.FP8).build();
            case MODEL_OFFLOAD -> r.offload() == Offload.NONE ? b.offload(Offload.MODEL).build() : r;
            case SEQUENTIAL_OFFLOAD -> b.offload(Offload.SEQUENTIAL).build();
            case DISABLE_OFFLOAD -> b.offload(Offload.NONE).build();
            case REDUCE_BATCH -> b.batchSize(Math.max(1, r.batchSize() / 2)).build();
            case FIT_FRAMES_TO_MEMORY, HALVE_FRAMES, CLAMP_FRAMES_TO_MAXIMUM, SNAP_FRAMES_TO_RULE,
                    USE_MODEL_DEFAULT_FRAMES -> FrameChanges.apply(action, r, context);
            case FIT_RESOLUTION_TO_MEMORY, LOWER_RESOLUTION_STEP, DROP_TO_480P, SNAP_SIZE_TO_MULTIPLE,
                    USE_NATIVE_SIZE -> SizeChanges.apply(action, r, context);
            case SWITCH_TO_LIGHTER_MODEL, SWITCH_TO_ALTERNATIVE_MODEL, SWITCH_TO_TEXT_TO_VIDEO ->
                    ModelChanges.apply(action, r, context);
            case FIT_REQUEST_TO_MEMORY -> new PreflightPlanner(context.models())
                    .plan(r, context.capacityBytes(), context.correction()).finalRequest();
            case FEWER_STEPS -> r.steps() <= 10 ? r : b.steps(Math.max(10, (int) Math.round(r.steps() * 0.6))).build();
            case NEW_SEED -> b.seed(nextSeed(r.seed())).build();
            case SWITCH_TO_BF16 -> b.precision(context.gpu().bf16() ? Precision.BF16 : Precision.FP16).build();
            case SWITCH_TO_FP16 -> b.precision(Precision.FP16).build();
            case LOWER_CFG -> lowerCfg(r, context.modelOf(r));
            case VALIDATE_AND_SNAP_REQUEST -> new RequestValidator(context.models()).validate(r).request();
            case CLAMP_STEPS_AND_CFG -> b
                    .steps(clamp(r.steps(), RequestValidator.MIN_STEPS, RequestValidator.MAX_STEPS))
                    .cfg(Math.max(RequestValidator.MIN_CFG, Math.min(RequestValidator.MAX_CFG, r.cfg()))).build();
            case MATCH_MODEL_FPS -> b.fps(context.modelOf(r).fps()).build();
            case TRUNCATE_PROMPT -> b.prompt(truncate(r.prompt())).build();
            case DROP_NEGATIVE_PROMPT -> b.negativePrompt("").build();
            case FREE_GPU_MEMORY, UNLOAD_MODELS, ROUTE_TO_LARGER_GPU, CLOSE_OTHER_GPU_PROCESSES, RESTART_WORKER,
                    ADD_SYSTEM_MEMORY, RETRY_AS_IS, WAIT_FOR_BACKEND, RECONNECT_WEBSOCKET, POLL_HISTORY, SWITCH_BACKEND,
                    EXTEND_TIMEOUT, FALL_BACK_TO_CPU_PLACEHOLDER, USE_SDPA_ATTENTION, DISABLE_TORCH_COMPILE,
                    DISABLE_FAST_FP8_KERNELS, UPDATE_GPU_DRIVER, RESIZE_INPUT_IMAGE, CHECK_TEXT_ENCODER_TYPE,
                    PROVIDE_INPUT_FILES, RETRY_DOWNLOAD_LATER, USE_DOWNLOAD_MIRROR, ACCEPT_LICENSE_AND_LOG_IN,
                    DOWNLOAD_MISSING_WEIGHTS, REDOWNLOAD_WEIGHTS, VERIFY_CHECKSUMS, USE_MATCHING_CHECKPOINT,
                    UPDATE_LIBRARIES, UPDATE_COMFYUI, INSTALL_CUSTOM_NODES, CONFIRM_CANCELLATION,
                    REPORT_TO_OPERATOR -> r;
        };
    }

    private static GenerationRequest smallerTile(GenerationRequest r) {
        if (!r.vaeTiling()) {
            return r.toBuilder().vaeTiling(true).vaeTileSize(Math.min(r.vaeTileSize(), 256)).build();
        }
        int smaller = Math.max(RequestValidator.MIN_TILE, Snap.downToMultiple(r.vaeTileSize() / 2,
                RequestValidator.TILE_STEP));
        return r.toBuilder().vaeTileSize(Math.min(smaller, r.vaeTileSize())).build();
    }

    /** A deterministic, well-mixed next seed (SplitMix64 finaliser), kept non-negative. */
    static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static GenerationRequest lowerCfg(GenerationRequest r, ModelSpec model) {
        double target = r.cfg() > model.defaultCfg() ? model.defaultCfg() : Math.round(r.cfg() * 0.7 * 2) / 2.0;
        double cfg = Math.max(RequestValidator.MIN_CFG, target);
        return cfg < r.cfg() ? r.toBuilder().cfg(cfg).build() : r;
    }

    private static String truncate(String prompt) {
        if (prompt.length() <= MAX_PROMPT_CHARS) {
            return prompt;
        }
        int cut = prompt.lastIndexOf(' ', MAX_PROMPT_CHARS);
        return prompt.substring(0, cut > MAX_PROMPT_CHARS / 2 ? cut : MAX_PROMPT_CHARS).strip();
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    static List<FrameSize> smaller(ModelSpec model, GenerationRequest r, int minShortSide) {
        return FitSearch.smallerSizes(model, r.size(), minShortSide);
    }
}
