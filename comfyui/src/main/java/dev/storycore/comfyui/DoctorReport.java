package dev.storycore.comfyui;

import dev.storycore.generation.hardware.GpuProfile;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ComfyUiDoctor} found on a server: versions, devices, and which templates can run.
 *
 * @param server    the server
 * @param stats     {@code /system_stats}: ComfyUI, Python and PyTorch versions, RAM, devices
 * @param gpu       the primary GPU as the planners see it; a one-byte {@code cpu} profile when the
 *                  server has no GPU
 * @param templates one check per template and model, in catalog order
 */
public record DoctorReport(URI server, SystemStats stats, GpuProfile gpu, List<TemplateCheck> templates) {

    /** Checks for nulls and copies the list. */
    public DoctorReport {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(gpu, "gpu");
        templates = List.copyOf(templates);
    }

    /** @return the checks that can run */
    public List<TemplateCheck> runnable() {
        return templates.stream().filter(TemplateCheck::runnable).toList();
    }

    /** @return whether the server has a GPU ComfyUI can use */
    public boolean hasGpu() {
        return ServerStats.primaryGpu(stats).isPresent();
    }
}
