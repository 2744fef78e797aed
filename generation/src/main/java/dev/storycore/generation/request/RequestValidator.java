package dev.storycore.generation.request;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import java.util.Objects;

/**
 * Checks a request against its model before anything runs. What can be repaired is snapped and
 * reported as an {@link Adjustment}: sizes to the model's multiple, frames to its {@code 4k+1} rule
 * and maximum, steps, cfg, fps, batch and VAE tile into range. What cannot is reported as a problem:
 * an unknown model, a workflow the model lacks, a missing prompt / image / mask / source video,
 * negative or NaN numbers, a side over {@value #MAX_SIDE} pixels.
 *
 * <p>Snapping goes to the nearest valid value and down on a tie, so 1000 becomes 992 (not 1008) for a
 * multiple of 16, 720 becomes 704 for TI2V-5B's 32, and 80 frames become 81. Stateless and thread-safe.
 */
public final class RequestValidator {

    /** The largest width or height accepted, in pixels. */
    public static final int MAX_SIDE = 4096;
    /** Steps are clamped into [{@value #MIN_STEPS}, {@value #MAX_STEPS}]. */
    public static final int MIN_STEPS = 1;
    /** The most sampling steps; beyond this the result no longer changes, only the time. */
    public static final int MAX_STEPS = 150;
    /** Guidance below 1 is meaningless for these samplers; 1 means "no guidance". */
    public static final double MIN_CFG = 1.0;
    /** Guidance above this burns the image. */
    public static final double MAX_CFG = 20.0;
    /** The highest output frame rate. */
    public static final int MAX_FPS = 120;
    /** The largest batch. */
    public static final int MAX_BATCH = 8;
    /** VAE tiles are clamped into [{@value #MIN_TILE}, {@value #MAX_SIDE}] and snapped to {@value #TILE_STEP}. */
    public static final int MIN_TILE = 128;
    /** ComfyUI's tile-size step. */
    public static final int TILE_STEP = 32;

    private final ModelRegistry models;

    /**
     * Creates a validator over a registry.
     *
     * @param models where model ids are looked up
     */
    public RequestValidator(ModelRegistry models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * Validates a request against the model it names.
     *
     * @param request the request
     * @return the adjusted request, the adjustments and any problems
     */
    public ValidationResult validate(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        return models.find(request.modelId())
                .map(model -> validate(request, model))
                .orElseGet(() -> new ValidationResult(request, java.util.List.of(),
                        java.util.List.of("unknown model '" + request.modelId() + "'")));
    }

    /**
     * Validates a request against a given model (its id replaces the request's if they differ in case).
     *
     * @param request the request
     * @param model   the model
     * @return the adjusted request, the adjustments and any problems
     */
    public ValidationResult validate(GenerationRequest request, ModelSpec model) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        var work = new ValidationWork(request);
        work.builder().modelId(model.id());
        checkWorkflow(work, request, model);
        checkInputs(work, request);
        checkSide(work, "width", request.width(), model.sizeMultiple());
        checkSide(work, "height", request.height(), model.sizeMultiple());
        checkFrames(work, request.frames(), model);
        checkSampling(work, request, model);
        checkMemorySettings(work, request);
        return work.result();
    }

    private static void checkWorkflow(ValidationWork work, GenerationRequest request, ModelSpec model) {
        if (!model.supports(request.workflow())) {
            work.problem(model.id() + " does not support " + request.workflow() + " (supports "
                    + model.workflows().stream().map(Enum::name).sorted().toList() + ")");
        }
    }

    private static void checkInputs(ValidationWork work, GenerationRequest request) {
        Workflow workflow = request.workflow();
        boolean needsPrompt = switch (workflow) {
            case TEXT_TO_VIDEO, TEXT_IMAGE_TO_VIDEO, TRANSPARENT_VIDEO -> true;
            case IMAGE_TO_VIDEO, UPSCALE, INPAINT -> false;
        };
        boolean needsImage = workflow == Workflow.IMAGE_TO_VIDEO || workflow == Workflow.TEXT_IMAGE_TO_VIDEO;
        boolean needsVideo = workflow == Workflow.UPSCALE || workflow == Workflow.INPAINT;
        if (needsPrompt && request.prompt().isBlank()) {
            work.problem(workflow + " needs a prompt, and the prompt is empty");
        }
        if (needsImage && request.inputImage().isBlank()) {
            work.problem(workflow + " needs an input image, and none is given");
        }
        if (needsVideo && request.sourceVideo().isBlank()) {
            work.problem(workflow + " needs a source video, and none is given");
        }
        if (workflow == Workflow.INPAINT && request.mask().isBlank()) {
            work.problem("INPAINT needs a mask, and none is given");
        }
    }

    private static void checkSide(ValidationWork work, String field, int value, int multiple) {
        if (value <= 0) {
            work.problem(field + " must be positive, was " + value);
        } else if (value > MAX_SIDE) {
            work.problem(field + " " + value + " is over the " + MAX_SIDE + "-pixel limit");
        } else if (value % multiple != 0) {
            int snapped = Snap.toMultiple(value, multiple);
            work.adjust(field, value, snapped, "not a multiple of " + multiple + ", which the model requires");
            if (field.equals("width")) {
                work.builder().size(snapped, work.current().height());
            } else {
                work.builder().size(work.current().width(), snapped);
            }
        }
    }

    private static void checkFrames(ValidationWork work, int frames, ModelSpec model) {
        if (frames <= 0) {
            work.problem("frames must be positive, was " + frames);
            return;
        }
        int snapped = Math.min(model.frameRule().nearest(frames), model.maxFrames());
        if (frames > model.maxFrames()) {
            work.adjust("frames", frames, snapped, "over " + model.name() + "'s maximum of " + model.maxFrames());
        } else if (snapped != frames) {
            work.adjust("frames", frames, snapped, model.name() + " needs " + model.frameRule() + " frames");
        }
        work.builder().frames(snapped);
    }

    private static void checkSampling(ValidationWork work, GenerationRequest request, ModelSpec model) {
        work.builder().steps(work.clampInt("steps", request.steps(), MIN_STEPS, MAX_STEPS, MIN_STEPS));
        double cfg = request.cfg();
        if (!Double.isFinite(cfg) || cfg < 0) {
            work.problem("cfg must be a finite number >= 0, was " + cfg);
        } else if (cfg < MIN_CFG || cfg > MAX_CFG) {
            double clamped = Math.max(MIN_CFG, Math.min(MAX_CFG, cfg));
            work.adjust("cfg", cfg, clamped, "outside [" + MIN_CFG + ", " + MAX_CFG + "]");
            work.builder().cfg(clamped);
        }
        work.builder().fps(work.clampInt("fps", request.fps(), 1, MAX_FPS, model.fps()));
        if (request.seed() < 0) {
            work.problem("seed must not be negative, was " + request.seed() + " (pick one so retries repeat)");
        }
        work.builder().batchSize(work.clampInt("batchSize", request.batchSize(), 1, MAX_BATCH, 1));
    }

    private static void checkMemorySettings(ValidationWork work, GenerationRequest request) {
        if (!request.vaeTiling()) {
            return;
        }
        int tile = request.vaeTileSize();
        if (tile < 0) {
            work.problem("vaeTileSize must not be negative, was " + tile);
            return;
        }
        int snapped = Snap.toMultiple(Math.max(MIN_TILE, Math.min(MAX_SIDE, tile)), TILE_STEP);
        if (snapped != tile) {
            work.adjust("vaeTileSize", tile, snapped,
                    "tiles must be in [" + MIN_TILE + ", " + MAX_SIDE + "] and a multiple of " + TILE_STEP);
            work.builder().vaeTileSize(snapped);
        }
    }
}
