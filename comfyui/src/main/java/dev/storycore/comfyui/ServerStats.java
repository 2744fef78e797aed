package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.hardware.GpuProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /system_stats} as the backend SPI wants it. GPU profiles come from the generation module's
 * reading of the same device list, so names, presets and bf16/FP8 guesses agree with everything
 * else. Not exported; stateless.
 */
final class ServerStats {

    private ServerStats() {
    }

    static BackendStats toBackendStats(SystemStats stats) {
        Optional<SystemStats.Device> gpu = primaryGpu(stats);
        GpuProfile profile = gpu.map(ServerStats::profile).orElseGet(ServerStats::cpuOnly);
        long vramFree = gpu.map(SystemStats.Device::vramFree).orElse(0L);
        return new BackendStats(profile, vramFree, stats.system().ramTotal(), stats.system().ramFree(),
                versions(stats.system()));
    }

    /** The first device that is not the CPU and reports memory. */
    static Optional<SystemStats.Device> primaryGpu(SystemStats stats) {
        return stats.devices().stream()
                .filter(device -> !device.type().equalsIgnoreCase("cpu") && device.vramTotal() > 0)
                .findFirst();
    }

    static GpuProfile profile(SystemStats.Device device) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("devices").addObject().put("name", device.name()).put("type", device.type())
                .put("vram_total", device.vramTotal());
        return dev.storycore.generation.hardware.SystemStats.primaryGpu(Json.write(root));
    }

    /** GpuProfile needs positive memory; one byte says "no GPU memory" to every planner. */
    private static GpuProfile cpuOnly() {
        return new GpuProfile("cpu", "no GPU (CPU only)", 1, false, false, "");
    }

    static Map<String, String> versions(SystemStats.Software software) {
        Map<String, String> versions = new LinkedHashMap<>();
        putIfKnown(versions, "comfyui", software.comfyuiVersion());
        putIfKnown(versions, "python", software.pythonVersion());
        putIfKnown(versions, "pytorch", software.pytorchVersion());
        putIfKnown(versions, "os", software.os());
        return versions;
    }

    private static void putIfKnown(Map<String, String> versions, String key, String value) {
        if (!value.isBlank()) {
            versions.put(key, value);
        }
    }
}
