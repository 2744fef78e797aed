package dev.storycore.generation.hardware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.GenerationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the GPUs out of a ComfyUI {@code GET /system_stats} reply. Each device looks like
 * {@code {"name": "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", "type": "cuda",
 * "vram_total": 25757220864, ...}}: the torch device and the allocator are stripped from the name,
 * CPU devices are skipped, and bf16/FP8 support is taken from the matching preset or read from the
 * model number. Newer servers list every device, primary first; older ones list one. Stateless.
 */
public final class SystemStats {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DEVICE_PREFIX = Pattern.compile("^\\s*[a-z]+:\\d+\\s+");
    private static final Pattern ALLOCATOR_SUFFIX = Pattern.compile("\\s+:\\s*[A-Za-z_]+\\s*$");

    private SystemStats() {
    }

    /**
     * Every GPU in the reply, primary first.
     *
     * @param json the {@code /system_stats} body
     * @return the GPUs; empty if the server runs on the CPU only
     * @throws GenerationException if the text is not JSON or has no {@code devices} list
     */
    public static List<GpuProfile> gpus(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new GenerationException("/system_stats reply is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode devices = root == null ? null : root.get("devices");
        if (devices == null || !devices.isArray()) {
            throw new GenerationException("/system_stats reply has no 'devices' list");
        }
        var gpus = new ArrayList<GpuProfile>();
        for (JsonNode device : devices) {
            String type = device.path("type").asText("");
            long vram = device.path("vram_total").asLong(0);
            if (type.equalsIgnoreCase("cpu") || vram <= 0) {
                continue;
            }
            gpus.add(GpuCapabilities.fromName(deviceName(device.path("name").asText(type)), vram));
        }
        return List.copyOf(gpus);
    }

    /**
     * The primary GPU of the reply.
     *
     * @param json the {@code /system_stats} body
     * @return the first GPU
     * @throws GenerationException if the reply is bad or lists no GPU
     */
    public static GpuProfile primaryGpu(String json) {
        List<GpuProfile> gpus = gpus(json);
        if (gpus.isEmpty()) {
            throw new GenerationException("/system_stats reply lists no GPU (the server runs on the CPU)");
        }
        return gpus.get(0);
    }

    /**
     * The marketing name from a ComfyUI device name: {@code cuda:0 NVIDIA GeForce RTX 4090 :
     * cudaMallocAsync} becomes {@code NVIDIA GeForce RTX 4090}.
     *
     * @param raw the device name
     * @return the GPU name
     */
    public static String deviceName(String raw) {
        String name = ALLOCATOR_SUFFIX.matcher(DEVICE_PREFIX.matcher(raw).replaceFirst("")).replaceFirst("").strip();
        return name.isEmpty() ? raw.strip() : name;
    }
}
