package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuProfile;
import java.util.Objects;

/**
 * The estimated GPU memory of one request, phase by phase. All values in bytes.
 *
 * @param peakBytes       the largest of the three phases
 * @param peakPhase       the phase that sets the peak
 * @param encodeBytes     while the text and image encoders run
 * @param denoiseBytes    while the transformer samples
 * @param decodeBytes     while the VAE decodes
 * @param weightsBytes    diffusion weights on the GPU while sampling
 * @param activationBytes activations of one denoising step
 * @param decodeWorkBytes VAE decoder working memory (tiles and chunks included)
 */
public record VramEstimate(
        long peakBytes,
        MemoryPhase peakPhase,
        long encodeBytes,
        long denoiseBytes,
        long decodeBytes,
        long weightsBytes,
        long activationBytes,
        long decodeWorkBytes) {

    /** Checks that nothing is null or negative. */
    public VramEstimate {
        Objects.requireNonNull(peakPhase, "peakPhase");
        if (peakBytes < 0 || encodeBytes < 0 || denoiseBytes < 0 || decodeBytes < 0) {
            throw new IllegalArgumentException("byte counts must not be negative");
        }
    }

    /**
     * The peak in GB (GiB).
     *
     * @return the peak
     */
    public double peakGb() {
        return GpuProfile.gigabytes(peakBytes);
    }

    /**
     * The peak multiplied by a correction learnt from an out-of-memory report (1 = none).
     *
     * @param correction a factor of at least 1
     * @return the corrected peak in bytes
     */
    public long correctedPeak(double correction) {
        return (long) Math.ceil(peakBytes * Math.max(1.0, correction));
    }
}
