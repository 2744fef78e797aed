package dev.storycore.generation.backend.sim;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.MemoryPhase;
import java.util.Objects;

/**
 * The simulator's ground truth for one request: what the job really needs on the simulated machine,
 * as opposed to what {@link dev.storycore.generation.memory.VramEstimator} predicts. All values in
 * bytes.
 *
 * @param peakBytes     the largest phase; the job runs out of GPU memory exactly when this exceeds
 *                      the device's memory minus what other processes hold
 * @param peakPhase     the phase that sets the peak
 * @param encodeBytes   while the encoders run
 * @param denoiseBytes  while the transformer samples
 * @param decodeBytes   while the VAE decodes
 * @param bias          the model's deterministic bias, in [-0.18, +0.18], applied to every allocation
 * @param hostRamBytes  peak system RAM: the process, offloaded weights, a text encoder on the CPU,
 *                      decoded frames
 */
public record SimulatedMemory(
        long peakBytes,
        MemoryPhase peakPhase,
        long encodeBytes,
        long denoiseBytes,
        long decodeBytes,
        double bias,
        long hostRamBytes) {

    /** Checks that nothing is null or negative. */
    public SimulatedMemory {
        Objects.requireNonNull(peakPhase, "peakPhase");
        if (peakBytes < 0 || encodeBytes < 0 || denoiseBytes < 0 || decodeBytes < 0 || hostRamBytes < 0) {
            throw new IllegalArgumentException("byte counts must not be negative");
        }
    }

    /** @return the peak in GB (GiB) */
    public double peakGb() {
        return GpuProfile.gigabytes(peakBytes);
    }
}
