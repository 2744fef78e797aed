package dev.storycore.generation.backend;

import dev.storycore.generation.hardware.GpuProfile;
import java.util.Map;
import java.util.Objects;

/**
 * A backend's device and software.
 *
 * @param gpu           the primary GPU (a CPU-only backend reports a zero-VRAM profile)
 * @param vramFreeBytes free VRAM now
 * @param ramTotalBytes system RAM
 * @param ramFreeBytes  free system RAM now
 * @param versions      software versions by name, e.g. {@code comfyui}, {@code python}, {@code pytorch}
 */
public record BackendStats(GpuProfile gpu, long vramFreeBytes, long ramTotalBytes, long ramFreeBytes,
                           Map<String, String> versions) {

    /** Checks that nothing is null and copies the versions. */
    public BackendStats {
        Objects.requireNonNull(gpu, "gpu");
        versions = Map.copyOf(versions);
    }
}
