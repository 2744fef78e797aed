package dev.storycore.generation.backend.sim;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ComponentRole;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long a simulated job takes, phase by phase, in simulated seconds.
 *
 * <p>Implementation notes. One sampling step costs
 * {@code STEP_COST × active parameters (billions) × tokens × (1 + tokens / 80 000) × batch / speed},
 * the second factor standing for attention growing faster than linearly. {@code STEP_COST} puts
 * Wan2.1 T2V-1.3B at 832×480×81 at about 4.5 s per step on an RTX 4090 (the Wan authors quote about
 * four minutes for 50 steps plus decoding). Speed is relative to an RTX 4090. Model offload costs
 * 10 % per step plus moving the weights, sequential offload 3.5 times; FP8 weights save 15 % on GPUs
 * with FP8 units and cost 5 % elsewhere (they are up-cast). Loading reads weights at 2 GB/s;
 * decoding costs 0.6 µs per output pixel (tiled decoding 40 % more). Upscaling costs 0.2 µs per
 * output pixel. These are plausible orders of magnitude, not measurements.
 *
 * <p>Stateless and thread-safe.
 */
final class TimeModel {

    /** Sampling steps are reported in at most this many progress segments. */
    static final int SAMPLING_SEGMENTS = 4;

    private static final double STEP_COST = 7.5e-5;
    private static final double ATTENTION_TOKENS = 80_000;
    private static final double LOAD_BYTES_PER_SECOND = 2.0 * GpuProfile.GIB;
    private static final double DECODE_SECONDS_PER_PIXEL = 6e-7;
    private static final double UPSCALE_SECONDS_PER_PIXEL = 2e-7;
    private static final double WRITE_SECONDS = 0.5;
    private static final Map<String, Double> SPEEDS = Map.ofEntries(
            Map.entry("rtx-3090", 0.6), Map.entry("rtx-4080", 0.7), Map.entry("rtx-4090", 1.0),
            Map.entry("rtx-5090", 1.35), Map.entry("l4", 0.35), Map.entry("l40s", 0.9), Map.entry("a10g", 0.4),
            Map.entry("a100-40", 1.1), Map.entry("a100-80", 1.1), Map.entry("h100-80", 2.0),
            Map.entry("h200-141", 2.2));

    private TimeModel() {
    }

    /** A stretch of a job: its phase name, duration and progress message. */
    record Segment(String phase, double seconds, String message) {
    }

    /** The speed of a GPU relative to an RTX 4090; unknown GPUs count as one. */
    static double speed(GpuProfile gpu) {
        return SPEEDS.getOrDefault(gpu.id(), 1.0);
    }

    /** The segments of a video model's job, in order. */
    static List<Segment> timeline(ModelSpec model, GenerationRequest r, GpuProfile gpu) {
        double speed = speed(gpu);
        List<Segment> segments = new ArrayList<>();
        double load = 2.0 + loadedBytes(model, r) / LOAD_BYTES_PER_SECOND;
        segments.add(new Segment("loading", load, "loading " + model.id()));
        double encode = 1.5 + (r.textEncoderOnCpu() ? 10.0 : 0.0)
                + (model.parametersOf(ComponentRole.IMAGE_ENCODER) > 0 ? 0.5 : 0.0);
        segments.add(new Segment("encoding", encode, "encoding the prompt"));
        addSampling(segments, r.steps(), stepSeconds(model, r, gpu));
        double pixels = (double) r.width() * r.height() * r.frames() * r.batchSize();
        double decode = 1.0 + pixels * DECODE_SECONDS_PER_PIXEL * (r.vaeTiling() ? 1.4 : 1.0) / speed;
        segments.add(new Segment("decoding", decode, "decoding " + r.frames() + " frames"));
        segments.add(new Segment("writing", WRITE_SECONDS, "writing the video"));
        return List.copyOf(segments);
    }

    /** The segments of an upscale job. */
    static List<Segment> upscaleTimeline(GenerationRequest r, GpuProfile gpu) {
        double pixels = (double) r.width() * r.height() * r.frames() * r.batchSize();
        double work = pixels * UPSCALE_SECONDS_PER_PIXEL / speed(gpu);
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment("loading", 1.5, "loading the upscale model"));
        for (int i = 1; i <= SAMPLING_SEGMENTS; i++) {
            segments.add(new Segment("upscaling", work / SAMPLING_SEGMENTS,
                    "upscaling " + (r.frames() * i / SAMPLING_SEGMENTS) + "/" + r.frames() + " frames"));
        }
        segments.add(new Segment("writing", WRITE_SECONDS, "writing the video"));
        return List.copyOf(segments);
    }

    /** Seconds of one sampling step. */
    static double stepSeconds(ModelSpec model, GenerationRequest r, GpuProfile gpu) {
        double tokens = model.latent().tokens(r.width(), r.height(), r.frames());
        double seconds = STEP_COST * model.activeParametersBillions() * tokens * (1 + tokens / ATTENTION_TOKENS)
                * r.batchSize() / speed(gpu);
        seconds *= switch (r.offload()) {
            case NONE -> 1.0;
            case MODEL -> 1.1;
            case SEQUENTIAL -> 3.5;
        };
        if (r.precision() == Precision.FP8) {
            seconds *= gpu.fp8() ? 0.85 : 1.05;
        }
        return seconds;
    }

    private static void addSampling(List<Segment> segments, int steps, double stepSeconds) {
        int parts = Math.min(SAMPLING_SEGMENTS, Math.max(1, steps));
        int done = 0;
        for (int i = 1; i <= parts; i++) {
            int upTo = steps * i / parts;
            segments.add(new Segment("sampling", (upTo - done) * stepSeconds, "step " + upTo + "/" + steps));
            done = upTo;
        }
    }

    /** Bytes read from disk; offload adds 20 % for copying the weights between RAM and the GPU. */
    private static double loadedBytes(ModelSpec model, GenerationRequest r) {
        double perParameter = r.precision() == Precision.FP8 ? GroundTruthMemory.FP8_BYTES
                : GroundTruthMemory.HALF_BYTES;
        double others = model.parametersOf(ComponentRole.TEXT_ENCODER)
                + model.parametersOf(ComponentRole.IMAGE_ENCODER) + model.parametersOf(ComponentRole.VAE);
        double giga = model.parametersBillions() * perParameter + others * GroundTruthMemory.HALF_BYTES;
        double bytes = giga * 1e9;
        return r.offload() == Offload.NONE ? bytes : bytes * 1.2;
    }
}
