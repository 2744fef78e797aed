package dev.storycore.generation.model;

/**
 * How a model's VAE and transformer shrink a video into tokens. The denoiser's activation memory
 * grows with the token count, so the VRAM estimator starts here.
 *
 * <p>HunyuanVideo and Wan 2.1 compress 8×8 pixels and 4 frames into one latent cell and patch
 * 2×2 cells into a token (16×16 pixels per token); Wan2.2 TI2V-5B's VAE compresses 16×16×4, so
 * one token covers 32×32 pixels.
 *
 * @param spatialCompression  pixels per latent cell along each side (8 or 16)
 * @param temporalCompression frames per latent frame after the first (4)
 * @param patchSize           latent cells per token along each side (2)
 * @param latentChannels      channels of the latent (16, or 48 for the Wan2.2 VAE)
 */
public record LatentGeometry(int spatialCompression, int temporalCompression, int patchSize, int latentChannels) {

    /** HunyuanVideo and Wan 2.1 (and the Wan2.2 14B models, which use the Wan 2.1 VAE). */
    public static final LatentGeometry STANDARD = new LatentGeometry(8, 4, 2, 16);

    /** Wan2.2 TI2V-5B with its 16×16×4 VAE. */
    public static final LatentGeometry HIGH_COMPRESSION = new LatentGeometry(16, 4, 2, 48);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if any value is below 1
     */
    public LatentGeometry {
        if (spatialCompression < 1 || temporalCompression < 1 || patchSize < 1 || latentChannels < 1) {
            throw new IllegalArgumentException("latent geometry values must be at least 1");
        }
    }

    /**
     * Latent frames for a clip: the first frame alone, then one per {@code temporalCompression}.
     *
     * @param frames frames in the clip, at least 1
     * @return latent frames
     */
    public int latentFrames(int frames) {
        return (Math.max(1, frames) - 1) / temporalCompression + 1;
    }

    /**
     * Transformer tokens for one clip; partial cells at the edges count as whole ones.
     *
     * @param width  pixels across
     * @param height pixels down
     * @param frames frames
     * @return the token count
     */
    public long tokens(int width, int height, int frames) {
        int pixelsPerToken = spatialCompression * patchSize;
        long across = ceilDiv(width, pixelsPerToken);
        long down = ceilDiv(height, pixelsPerToken);
        return across * down * latentFrames(frames);
    }

    private static long ceilDiv(int value, int divisor) {
        return (Math.max(0, value) + divisor - 1L) / divisor;
    }
}
