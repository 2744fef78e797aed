package dev.storycore.generation.model;

/**
 * The per-model numbers the VRAM estimator needs beyond parameter counts. The built-in values are
 * calibrated on the published figures in {@code models.json}; models without figures inherit the
 * values of the same architecture. {@link #CONSERVATIVE} is used for user models that give none, and
 * errs on the high side so that pre-flight rather plans a cut than lets a job run out of memory.
 *
 * @param activationKibPerToken   peak activation memory of one denoising step, KiB per token
 * @param vaeDecodeBytesPerPixel  VAE decoder working memory per output pixel of one decoded chunk
 * @param vaeDecodeChunkFrames    frames the VAE decodes at once; 0 means the whole clip at once
 */
public record MemoryProfile(double activationKibPerToken, double vaeDecodeBytesPerPixel, int vaeDecodeChunkFrames) {

    /** For models nobody measured: the largest built-in activation cost and a whole-clip decoder. */
    public static final MemoryProfile CONSERVATIVE = new MemoryProfile(660, 2000, 0);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public MemoryProfile {
        if (!(activationKibPerToken > 0) || Double.isInfinite(activationKibPerToken)) {
            throw new IllegalArgumentException("activationKibPerToken must be a finite number > 0, was "
                    + activationKibPerToken);
        }
        if (!(vaeDecodeBytesPerPixel >= 0) || Double.isInfinite(vaeDecodeBytesPerPixel)) {
            throw new IllegalArgumentException("vaeDecodeBytesPerPixel must be a finite number >= 0, was "
                    + vaeDecodeBytesPerPixel);
        }
        if (vaeDecodeChunkFrames < 0) {
            throw new IllegalArgumentException("vaeDecodeChunkFrames must not be negative, was "
                    + vaeDecodeChunkFrames);
        }
    }
}
