package dev.storycore.generation.backend.sim;

import dev.storycore.generation.model.ComponentRole;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.memory.MemoryPhase;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own memory physics. Deliberately not {@code VramEstimator}: the estimator is what
 * the planners believe, this is what the simulated machine does, and the two must be allowed to
 * disagree the way a real GPU disagrees with any estimate.
 *
 * <p>Implementation notes. The facts are the published ones the estimator was also calibrated on
 * (two bytes per parameter for 16-bit weights, about 1.2 for FP8 checkpoints; activations linear in
 * latent tokens with the model's own per-token constant; VAE decode linear in pixels times the
 * frames decoded at once; offload keeping one component, or a few blocks, on the GPU), but the
 * simulator models them as allocations: weights load block by block, activations arrive as the
 * latents and four buffers of growing size, the decoder allocates its working set and the output
 * frames. The latents themselves (float32, the model's channels, three copies while sampling) are
 * counted too, which the estimator ignores. Then every allocation of a model is scaled by that
 * model's bias, a number drawn once from the seed in [−{@value #BIAS_LIMIT}, +{@value #BIAS_LIMIT}]:
 * some models simply need more or less than anyone predicted. The CUDA context and allocator slack
 * ({@link #BASE_BYTES}) are not biased. The result stays within ±20 % of the estimator's peak for
 * every built-in model (tested over a grid of sizes, frames, precisions and offload modes).
 *
 * <p>Upscale jobs run a small image upscaler in 512-pixel tiles whatever the model id says, so they
 * need about 1.1 GB.
 *
 * <p>Immutable and thread-safe.
 */
final class GroundTruthMemory {

    /** The largest bias, in either direction, of a model's allocations. */
    static final double BIAS_LIMIT = 0.18;
    /** CUDA context and cuBLAS workspaces: memory the process holds outside PyTorch's allocator. */
    static final long CONTEXT_BYTES = 350L << 20;
    /** Memory PyTorch's allocator reserves but has not handed out. */
    static final long SLACK_BYTES = 150L << 20;
    /** What every phase starts from. */
    static final long BASE_BYTES = CONTEXT_BYTES + SLACK_BYTES;

    static final double HALF_BYTES = 2.0;
    static final double FP8_BYTES = 1.2;
    static final double SEQUENTIAL_RESIDENT = 0.05;
    static final int DIFFUSION_BLOCKS = 40;
    static final int ENCODER_BLOCKS = 8;
    static final int TILED_FRAMES = 16;
    static final int OUTPUT_BYTES_PER_PIXEL = 12;
    static final long PROCESS_RAM_BYTES = 3L << 30;
    /** Extra pinned staging buffers of sequential offload, as a share of the offloaded weights. */
    static final double SEQUENTIAL_PINNED_SHARE = 0.25;

    private static final double[] ACTIVATION_SHARES = {0.10, 0.20, 0.25, 0.45};
    private static final long UPSCALER_WEIGHTS = 67L << 20;
    private static final long UPSCALER_TILE_WORK = 512L << 20;
    private static final double BILLION = 1e9;
    private static final String SAMPLER_NODE = "KSampler";
    private static final String UPSCALER_NODE = "ImageUpscaleWithModel";

    private final long seed;

    GroundTruthMemory(long seed) {
        this.seed = seed;
    }

    /** The model's bias: the same for a seed and a model id, whatever the request. */
    double bias(String modelId) {
        return (2 * Seeds.unit(seed, "memory-bias:" + modelId) - 1) * BIAS_LIMIT;
    }

    /** The upscaler's allocations; the model only lends its bias. */
    MemoryTrace upscale(String modelId, GenerationRequest r) {
        double f = 1 + bias(modelId);
        Allocations work = new Allocations(f, UPSCALER_NODE);
        work.weights(UPSCALER_WEIGHTS);
        work.add(UPSCALER_TILE_WORK);
        List<MemoryTrace.Phase> phases = List.of(new MemoryTrace.Phase(MemoryPhase.ENCODE, List.of()),
                new MemoryTrace.Phase(MemoryPhase.DENOISE, work.list),
                new MemoryTrace.Phase(MemoryPhase.DECODE, List.of()));
        return new MemoryTrace(phases, List.of(PROCESS_RAM_BYTES, outputBytes(r)), bias(modelId));
    }

    /**
     * A video model's allocations for a request. The encode phase holds the encoders while the sampler
     * loads the diffusion model next to them (all of it when nothing is offloaded, as a pipeline moved
     * to the GPU whole does); sampling adds the latents and activations; decoding adds the decoder's
     * working set and the output frames.
     */
    MemoryTrace trace(ModelSpec model, GenerationRequest r) {
        double f = 1 + bias(model.id());
        Weights w = Weights.of(model, r);
        boolean resident = r.offload() == Offload.NONE;
        String decoder = r.vaeTiling() ? "VAEDecodeTiled" : "VAEDecode";
        Allocations encode = new Allocations(f, "CLIPTextEncode");
        encode.blocks(w.encoders, ENCODER_BLOCKS);
        if (resident) {
            encode.node = SAMPLER_NODE;
            encode.blocks(w.diffusion, DIFFUSION_BLOCKS);
            encode.weights(w.vae);
        }
        Allocations denoise = new Allocations(f, SAMPLER_NODE);
        denoise.blocks(w.diffusion, DIFFUSION_BLOCKS);
        if (resident) {
            denoise.weights(w.vae);
        }
        denoise.add(latentBytes(model, r));
        long activations = activationBytes(model, r);
        for (double share : ACTIVATION_SHARES) {
            denoise.add((long) (activations * share));
        }
        Allocations decode = new Allocations(f, decoder);
        if (resident) {
            decode.blocks(w.diffusion, DIFFUSION_BLOCKS);
        }
        decode.weights(w.vae);
        long work = decodeWorkBytes(model, r);
        decode.add(work / 2);
        decode.add(work - work / 2);
        decode.add(outputBytes(r));
        List<MemoryTrace.Phase> phases = List.of(new MemoryTrace.Phase(MemoryPhase.ENCODE, encode.list),
                new MemoryTrace.Phase(MemoryPhase.DENOISE, denoise.list),
                new MemoryTrace.Phase(MemoryPhase.DECODE, decode.list));
        return new MemoryTrace(phases, hostAllocations(model, r, w), bias(model.id()));
    }

    private static List<Long> hostAllocations(ModelSpec model, GenerationRequest r, Weights w) {
        boolean offloaded = r.offload() != Offload.NONE;
        List<Long> host = new ArrayList<>();
        host.add(PROCESS_RAM_BYTES);
        if (offloaded || r.textEncoderOnCpu()) {
            host.add(w.textAll);
        }
        long staged = 0;
        if (offloaded) {
            host.add(w.image);
            int experts = Math.max(1, (int) Math.round(model.parametersBillions() / model.activeParametersBillions()));
            for (int i = 0; i < experts; i++) {
                host.add(w.diffusionAll / experts);
            }
            host.add(w.vae);
            staged = w.textAll + w.image + w.diffusionAll + w.vae;
        }
        if (r.offload() == Offload.SEQUENTIAL) {
            host.add((long) (staged * SEQUENTIAL_PINNED_SHARE));
        }
        host.add(outputBytes(r));
        return positive(host);
    }

    private static long activationBytes(ModelSpec model, GenerationRequest r) {
        long tokens = model.latent().tokens(r.width(), r.height(), r.frames());
        return (long) (tokens * model.memory().activationKibPerToken() * 1024.0) * r.batchSize();
    }

    private static long latentBytes(ModelSpec model, GenerationRequest r) {
        int patch = model.latent().patchSize();
        long cells = model.latent().tokens(r.width(), r.height(), r.frames()) * patch * patch;
        return cells * model.latent().latentChannels() * Float.BYTES * 3L * r.batchSize();
    }

    private static long decodeWorkBytes(ModelSpec model, GenerationRequest r) {
        int chunk = model.memory().vaeDecodeChunkFrames();
        long frames = chunk == 0 ? r.frames() : Math.min(r.frames(), chunk);
        long width = r.width();
        long height = r.height();
        if (r.vaeTiling()) {
            int tile = Math.max(1, r.vaeTileSize());
            width = Math.min(width, tile);
            height = Math.min(height, tile);
            frames = Math.min(frames, TILED_FRAMES);
        }
        return (long) (model.memory().vaeDecodeBytesPerPixel() * width * height * frames) * r.batchSize();
    }

    private static long outputBytes(GenerationRequest r) {
        return (long) OUTPUT_BYTES_PER_PIXEL * r.width() * r.height() * r.frames() * r.batchSize();
    }

    /** Biased allocations attributed to the current node; empty ones are left out. */
    private static final class Allocations {
        private final List<MemoryTrace.Allocation> list = new ArrayList<>();
        private final double factor;
        private String node;

        Allocations(double factor, String node) {
            this.factor = factor;
            this.node = node;
        }

        void add(long bytes) {
            add(bytes, false);
        }

        void weights(long bytes) {
            add(bytes, true);
        }

        void blocks(long bytes, int count) {
            long block = bytes / count;
            for (int i = 0; i < count; i++) {
                weights(i == count - 1 ? bytes - block * (count - 1) : block);
            }
        }

        private void add(long bytes, boolean weights) {
            long biased = Math.round(bytes * factor);
            if (biased > 0) {
                list.add(new MemoryTrace.Allocation(biased, node, weights));
            }
        }
    }

    private static List<Long> positive(List<Long> values) {
        return values.stream().filter(v -> v > 0).toList();
    }

    /** Bytes of weights by role for one request's precision and offload. */
    private record Weights(long diffusion, long diffusionAll, long encoders, long textAll, long image, long vae) {

        static Weights of(ModelSpec model, GenerationRequest r) {
            double perParameter = r.precision() == Precision.FP8 ? FP8_BYTES : HALF_BYTES;
            double adapters = model.parametersOf(ComponentRole.ADAPTER) * HALF_BYTES;
            double all = model.parametersBillions() * perParameter + adapters;
            double oneExpert = model.activeParametersBillions() * perParameter + adapters;
            double textAll = model.parametersOf(ComponentRole.TEXT_ENCODER) * HALF_BYTES;
            double text = r.textEncoderOnCpu() ? 0 : textAll;
            double image = model.parametersOf(ComponentRole.IMAGE_ENCODER) * HALF_BYTES;
            double vae = model.parametersOf(ComponentRole.VAE) * HALF_BYTES;
            double diffusion = switch (r.offload()) {
                case NONE -> all;
                case MODEL -> oneExpert;
                case SEQUENTIAL -> oneExpert * SEQUENTIAL_RESIDENT;
            };
            double encoders = switch (r.offload()) {
                case NONE -> text + image;
                case MODEL -> Math.max(text, image);
                case SEQUENTIAL -> Math.max(text, image) * SEQUENTIAL_RESIDENT;
            };
            return new Weights(bytes(diffusion), bytes(all), bytes(encoders), bytes(textAll), bytes(image), bytes(vae));
        }

        private static long bytes(double giga) {
            return (long) (giga * BILLION);
        }
    }
}
