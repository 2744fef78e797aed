package dev.storycore.generation.hardware;

import dev.storycore.generation.GenerationException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The GPUs StoryCore knows by name, from a 16 GB RTX 4080 to a 141 GB H200. Lookup forgives the
 * usual spellings: {@code 4090}, {@code RTX 4090}, {@code rtx-4090}, {@code NVIDIA GeForce RTX 4090},
 * {@code a100-80}, {@code A100 80GB}. Immutable and thread-safe.
 */
public final class GpuPresets {

    private static final List<GpuProfile> ALL = List.of(
            preset("rtx-3090", "NVIDIA GeForce RTX 3090", 24, false, "8.6"),
            preset("rtx-4080", "NVIDIA GeForce RTX 4080", 16, true, "8.9"),
            preset("rtx-4090", "NVIDIA GeForce RTX 4090", 24, true, "8.9"),
            preset("rtx-5090", "NVIDIA GeForce RTX 5090", 32, true, "12.0"),
            preset("l4", "NVIDIA L4", 24, true, "8.9"),
            preset("l40s", "NVIDIA L40S", 48, true, "8.9"),
            preset("a10g", "NVIDIA A10G", 24, false, "8.6"),
            preset("a100-40", "NVIDIA A100 40GB", 40, false, "8.0"),
            preset("a100-80", "NVIDIA A100 80GB", 80, false, "8.0"),
            preset("h100-80", "NVIDIA H100 80GB", 80, true, "9.0"),
            preset("h200-141", "NVIDIA H200 141GB", 141, true, "9.0"));

    /** The GPU assumed when a command names none: a 16 GB RTX 4080, a common creator card. */
    public static final GpuProfile DEFAULT = ALL.get(1);

    private GpuPresets() {
    }

    /**
     * Every preset, by memory then name.
     *
     * @return the presets
     */
    public static List<GpuProfile> all() {
        return ALL.stream().sorted(Comparator.comparingLong(GpuProfile::vramBytes).thenComparing(GpuProfile::id))
                .toList();
    }

    /**
     * Finds a preset by a forgiving name.
     *
     * @param name e.g. {@code 4090}, {@code rtx-4090}, {@code a100-80}, {@code H100}
     * @return the preset, or empty if none or more than one match
     */
    public static Optional<GpuProfile> find(String name) {
        List<GpuProfile> matches = matches(name);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * Finds a preset by a forgiving name.
     *
     * @param name the name
     * @return the preset
     * @throws GenerationException naming the name and the choices if none or several match
     */
    public static GpuProfile require(String name) {
        List<GpuProfile> matches = matches(name);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new GenerationException("unknown GPU '" + name + "' (known: "
                    + String.join(", ", ALL.stream().map(GpuProfile::id).toList()) + "; or give --vram GB)");
        }
        throw new GenerationException("ambiguous GPU '" + name + "': say which of "
                + String.join(", ", matches.stream().map(GpuProfile::id).toList()));
    }

    /**
     * The preset with the least memory that still has at least {@code bytes}.
     *
     * @param bytes the memory needed
     * @return the smallest such preset, or empty if even the largest is too small
     */
    public static Optional<GpuProfile> smallestWithAtLeast(long bytes) {
        return all().stream().filter(g -> g.vramBytes() >= bytes).findFirst();
    }

    static List<GpuProfile> matches(String name) {
        String key = normalize(Objects.requireNonNull(name, "name"));
        if (key.isEmpty()) {
            return List.of();
        }
        List<GpuProfile> exact = ALL.stream().filter(g -> keys(g).contains(key)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        // A prefix such as "h100" names one preset; "a100" names two, and the caller reports that.
        return ALL.stream().filter(g -> key.length() >= 3 && normalize(g.id()).startsWith(key)).toList();
    }

    static String normalize(String name) {
        String text = name.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(nvidia|geforce|tesla|rtx)", " ")
                .replaceAll("(\\d)\\s*gb\\b", "$1")
                .replaceAll("\\b(pcie|sxm\\d?|nvl)\\b", " ");
        return text.replaceAll("[^a-z0-9]", "");
    }

    private static List<String> keys(GpuProfile gpu) {
        return List.of(normalize(gpu.id()), normalize(gpu.name()));
    }

    private static GpuProfile preset(String id, String name, int gigabytes, boolean fp8, String capability) {
        return new GpuProfile(id, name, GpuProfile.bytes(gigabytes), true, fp8, capability);
    }
}
