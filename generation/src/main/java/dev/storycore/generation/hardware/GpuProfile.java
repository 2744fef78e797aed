package dev.storycore.generation.hardware;

import java.util.Locale;
import java.util.Objects;

/**
 * One GPU as the planners see it: how much memory it has and which number formats it runs natively.
 * GB throughout StoryCore means GiB (2<sup>30</sup> bytes), the unit nvidia-smi and PyTorch report,
 * so a "24 GB" RTX 4090 is {@code 24 * 2^30} bytes.
 *
 * <p>{@code fp8} means native FP8 tensor cores (Ada, Hopper, Blackwell). FP8 <em>weights</em> still
 * load on other GPUs (ComfyUI up-casts them layer by layer), so the memory saving holds everywhere;
 * only FP8 kernels such as {@code fp8_e4m3fn_fast} need the flag.
 *
 * @param id                 stable lowercase id, e.g. {@code rtx-4090}, or {@code custom}/{@code detected}
 * @param name               display name, e.g. {@code NVIDIA GeForce RTX 4090}
 * @param vramBytes          total memory in bytes, more than zero
 * @param bf16               whether bfloat16 runs natively (Ampere and newer)
 * @param fp8                whether FP8 runs natively
 * @param computeCapability  CUDA compute capability such as {@code 8.9}; empty when unknown
 */
public record GpuProfile(String id, String name, long vramBytes, boolean bf16, boolean fp8, String computeCapability) {

    /** Bytes in one GB as StoryCore counts (GiB). */
    public static final long GIB = 1L << 30;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the memory is not positive or a name is blank
     */
    public GpuProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(computeCapability, "computeCapability");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("id and name must not be blank");
        }
        if (vramBytes <= 0) {
            throw new IllegalArgumentException("vramBytes must be positive, was " + vramBytes);
        }
    }

    /**
     * A GPU known only by its memory size ({@code --vram GB}): bf16 assumed, FP8 not.
     *
     * @param gigabytes memory in GB, more than 0 and at most 1024
     * @return the profile, named e.g. {@code custom 12 GB}
     * @throws IllegalArgumentException if the size is out of range or not a number
     */
    public static GpuProfile ofVram(double gigabytes) {
        if (!(gigabytes > 0 && gigabytes <= 1024)) {
            throw new IllegalArgumentException("vram must be in (0, 1024] GB, was " + gigabytes);
        }
        return new GpuProfile("custom", "custom " + formatGb(gigabytes) + " GB", bytes(gigabytes), true, false, "");
    }

    /**
     * Total memory in GB.
     *
     * @return the memory
     */
    public double vramGb() {
        return gigabytes(vramBytes);
    }

    /**
     * This profile with another memory size, e.g. what {@code /system_stats} measured.
     *
     * @param bytes the memory
     * @return a new profile
     */
    public GpuProfile withVramBytes(long bytes) {
        return new GpuProfile(id, name, bytes, bf16, fp8, computeCapability);
    }

    /**
     * GB to bytes.
     *
     * @param gigabytes GB (GiB)
     * @return bytes, rounded
     */
    public static long bytes(double gigabytes) {
        return Math.round(gigabytes * GIB);
    }

    /**
     * Bytes to GB.
     *
     * @param bytes bytes
     * @return GB (GiB)
     */
    public static double gigabytes(long bytes) {
        return (double) bytes / GIB;
    }

    /**
     * Formats GB with at most two decimals and no trailing zeros: {@code 24}, {@code 15.7}.
     *
     * @param gigabytes the value
     * @return the text
     */
    public static String formatGb(double gigabytes) {
        String text = String.format(Locale.ROOT, "%.2f", gigabytes);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
