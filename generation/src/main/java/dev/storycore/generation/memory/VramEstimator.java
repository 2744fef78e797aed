package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ComponentRole;
import dev.storycore.generation.model.MemoryProfile;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.Objects;

/**
 * Estimates the peak GPU memory of a request before it runs. Stateless and thread-safe.
 *
 * <h2>Model</h2>
 * A job has three phases and the peak is the largest of them, plus {@link #RUNTIME_OVERHEAD_BYTES}
 * for the CUDA context and allocator slack:
 * <ul>
 * <li><b>encode</b> = text encoders (unless on the CPU) + image encoder; with no offload the diffusion
 *     model and VAE are already resident. Encoders are released once the conditioning exists: ComfyUI
 *     unloads them when the transformer needs the room, the Wan scripts move them off the GPU, and
 *     HunyuanVideo's published peaks are only consistent with the 8B text encoder being gone while
 *     sampling.</li>
 * <li><b>denoise</b> = resident diffusion weights + activations. Activations grow linearly with the
 *     latent tokens (attention kernels are memory-efficient, so nothing is quadratic):
 *     {@code tokens × activationKibPerToken × batch}, the constant calibrated per model on the
 *     published figures. Weights are {@code parameters × bytes per parameter}: 2 for BF16/FP16 and
 *     {@link #FP8_BYTES_PER_PARAMETER} for FP8, since FP8 checkpoints keep embeddings, norms and
 *     modulation in 16 bits (HunyuanVideo's "FP8 saves about 10 GB" for 13B parameters implies ≈1.2).
 *     With no offload both experts of a mixture and the VAE stay resident.</li>
 * <li><b>decode</b> = VAE weights + decoder working set + the decoded frames as float32 RGB
 *     ({@value #OUTPUT_BYTES_PER_PIXEL} bytes per pixel). The working set is
 *     {@code vaeDecodeBytesPerPixel × width × height × chunk}, where the chunk is the frames the VAE
 *     decodes at once (four for Wan's causal VAE, the whole clip for HunyuanVideo's). Tiling caps the
 *     area at the tile and the chunk at {@value #TILED_TEMPORAL_FRAMES} frames. These constants are
 *     modelling assumptions: nobody publishes decode peaks.</li>
 * </ul>
 * Offload: {@link Offload#MODEL} keeps one component (one expert) on the GPU at a time;
 * {@link Offload#SEQUENTIAL} streams weights, leaving {@link #SEQUENTIAL_RESIDENT_FRACTION} resident.
 *
 * <p>Calibration (tests in {@code VramEstimatorCalibrationTest}, each within ±15 %): HunyuanVideo
 * 1280×720×129 → 60 GB and 960×544×129 → 45 GB, FP8 saves ≈10 GB; Wan2.1 T2V-1.3B 832×480×81 with
 * model offload and T5 on CPU → 8.19 GB; Wan2.2 TI2V-5B 1280×704×121 with model offload, BF16 and T5
 * on CPU fits 24 GB; Wan2.2 A14B 1280×720×81 with model offload and BF16 fits 80 GB.
 *
 * <p>Properties (tested): the estimate never falls when frames, width, height or batch grow, and never
 * rises when offload, FP8, VAE tiling or the text encoder on the CPU are switched on.
 */
public final class VramEstimator {

    /** CUDA context, cuBLAS workspaces and allocator slack: 0.5 GB. */
    public static final long RUNTIME_OVERHEAD_BYTES = GpuProfile.GIB / 2;
    /** Bytes per parameter of 16-bit weights. */
    public static final double HALF_BYTES_PER_PARAMETER = 2.0;
    /** Effective bytes per parameter of FP8 checkpoints (see the class comment). */
    public static final double FP8_BYTES_PER_PARAMETER = 1.2;
    /** Share of the weights on the GPU at any time under sequential offload. */
    public static final double SEQUENTIAL_RESIDENT_FRACTION = 0.05;
    /** Frames a tiled VAE decode handles at once. */
    public static final int TILED_TEMPORAL_FRAMES = 16;
    /** Decoded frames are float32 RGB. */
    public static final int OUTPUT_BYTES_PER_PIXEL = 12;

    private static final double BILLION = 1e9;

    /** Creates an estimator; it holds no state. */
    public VramEstimator() {
    }

    /**
     * Estimates a request's peak memory on the given model (the request's model id is not looked at).
     *
     * @param model   the model
     * @param request the request; width, height, frames and batch must be at least 1
     * @return the estimate
     * @throws IllegalArgumentException if width, height, frames or batch is below 1
     */
    public VramEstimate estimate(ModelSpec model, GenerationRequest request) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        requirePositive(request.width(), "width");
        requirePositive(request.height(), "height");
        requirePositive(request.frames(), "frames");
        requirePositive(request.batchSize(), "batchSize");
        Weights weights = Weights.of(model, request);
        long activations = activationBytes(model, request);
        long decodeWork = decodeWorkBytes(model.memory(), request);
        long output = (long) OUTPUT_BYTES_PER_PIXEL * request.width() * request.height() * request.frames()
                * request.batchSize();
        boolean allResident = request.offload() == Offload.NONE;
        long encode = RUNTIME_OVERHEAD_BYTES + weights.encoders + (allResident ? weights.diffusion + weights.vae : 0);
        long denoise = RUNTIME_OVERHEAD_BYTES + weights.diffusion + (allResident ? weights.vae : 0) + activations;
        long decode = RUNTIME_OVERHEAD_BYTES + weights.vae + decodeWork + output
                + (allResident ? weights.diffusion : 0);
        MemoryPhase phase = denoise >= encode && denoise >= decode ? MemoryPhase.DENOISE
                : encode >= decode ? MemoryPhase.ENCODE : MemoryPhase.DECODE;
        long peak = Math.max(denoise, Math.max(encode, decode));
        return new VramEstimate(peak, phase, encode, denoise, decode, weights.diffusion, activations, decodeWork);
    }

    private static long activationBytes(ModelSpec model, GenerationRequest request) {
        long tokens = model.latent().tokens(request.width(), request.height(), request.frames());
        return (long) (tokens * model.memory().activationKibPerToken() * 1024.0) * request.batchSize();
    }

    private static long decodeWorkBytes(MemoryProfile memory, GenerationRequest request) {
        int chunk = memory.vaeDecodeChunkFrames() == 0 ? request.frames()
                : Math.min(request.frames(), memory.vaeDecodeChunkFrames());
        long width = request.width();
        long height = request.height();
        if (request.vaeTiling()) {
            int tile = Math.max(1, request.vaeTileSize());
            width = Math.min(width, tile);
            height = Math.min(height, tile);
            chunk = Math.min(chunk, TILED_TEMPORAL_FRAMES);
        }
        return (long) (memory.vaeDecodeBytesPerPixel() * width * height * chunk) * request.batchSize();
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 to estimate memory, was " + value);
        }
    }

    /** Bytes of weights on the GPU, per role, for one request's precision and offload. */
    private record Weights(long diffusion, long encoders, long vae) {

        static Weights of(ModelSpec model, GenerationRequest request) {
            double perParameter = request.precision() == Precision.FP8 ? FP8_BYTES_PER_PARAMETER
                    : HALF_BYTES_PER_PARAMETER;
            double adapters = model.parametersOf(ComponentRole.ADAPTER) * HALF_BYTES_PER_PARAMETER;
            double all = model.parametersBillions() * perParameter + adapters;
            double oneExpert = model.activeParametersBillions() * perParameter + adapters;
            double text = request.textEncoderOnCpu() ? 0
                    : model.parametersOf(ComponentRole.TEXT_ENCODER) * HALF_BYTES_PER_PARAMETER;
            double image = model.parametersOf(ComponentRole.IMAGE_ENCODER) * HALF_BYTES_PER_PARAMETER;
            double vae = model.parametersOf(ComponentRole.VAE) * HALF_BYTES_PER_PARAMETER;
            return switch (request.offload()) {
                case NONE -> of(all, text + image, vae);
                case MODEL -> of(oneExpert, Math.max(text, image), vae);
                case SEQUENTIAL -> of(oneExpert * SEQUENTIAL_RESIDENT_FRACTION,
                        Math.max(text, image) * SEQUENTIAL_RESIDENT_FRACTION, vae);
            };
        }

        private static Weights of(double diffusionGiga, double encodersGiga, double vaeGiga) {
            return new Weights((long) (diffusionGiga * BILLION), (long) (encodersGiga * BILLION),
                    (long) (vaeGiga * BILLION));
        }
    }
}
