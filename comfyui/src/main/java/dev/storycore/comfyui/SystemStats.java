package dev.storycore.comfyui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /system_stats}: versions and devices. Reads the newest format (every torch device,
 * primary first) and older ones (a single device; no versions before late 2024). Unknown strings are
 * empty, unknown numbers 0.
 *
 * @param system  the server's software
 * @param devices the torch devices, primary first
 */
public record SystemStats(Software system, List<Device> devices) {

    /** Checks for nulls and copies the list. */
    public SystemStats {
        Objects.requireNonNull(system, "system");
        devices = List.copyOf(devices);
    }

    /**
     * The device ComfyUI runs on (the first one listed).
     *
     * @return the device, or empty when none was listed
     */
    public Optional<Device> primaryDevice() {
        return devices.isEmpty() ? Optional.empty() : Optional.of(devices.get(0));
    }

    /**
     * The {@code system} object.
     *
     * @param os             {@code os}: {@code posix}/{@code nt} on older builds, {@code linux},
     *                       {@code win32}, ... on newer ones
     * @param ramTotal       system RAM in bytes
     * @param ramFree        free system RAM in bytes
     * @param comfyuiVersion e.g. {@code 0.3.45}
     * @param pythonVersion  {@code sys.version}, e.g. {@code 3.12.7 (main, ...) [GCC 11.4.0]}
     * @param pytorchVersion e.g. {@code 2.7.1+cu128}
     * @param embeddedPython whether the Windows portable build's embedded Python runs it
     */
    public record Software(String os, long ramTotal, long ramFree, String comfyuiVersion, String pythonVersion,
                           String pytorchVersion, boolean embeddedPython) {
        /** Checks for nulls. */
        public Software {
            Objects.requireNonNull(os, "os");
            Objects.requireNonNull(comfyuiVersion, "comfyuiVersion");
            Objects.requireNonNull(pythonVersion, "pythonVersion");
            Objects.requireNonNull(pytorchVersion, "pytorchVersion");
        }
    }

    /**
     * One entry of {@code devices}.
     *
     * @param name           e.g. {@code cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync}
     * @param type           e.g. {@code cuda}, {@code cpu}, {@code mps}
     * @param index          the device index, -1 when the server sent none
     * @param vramTotal      total memory in bytes
     * @param vramFree       free memory in bytes
     * @param torchVramTotal memory reserved by PyTorch in bytes
     * @param torchVramFree  free memory inside PyTorch's reservation in bytes
     */
    public record Device(String name, String type, int index, long vramTotal, long vramFree, long torchVramTotal,
                         long torchVramFree) {
        /** Checks for nulls. */
        public Device {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /**
         * The GPU's product name: the part of {@code name} between the device id and the allocator,
         * e.g. {@code NVIDIA GeForce RTX 4090}.
         *
         * @return the product name, or the whole name when it has no such parts
         */
        public String productName() {
            String trimmed = name;
            int allocator = trimmed.lastIndexOf(" : ");
            if (allocator >= 0) {
                trimmed = trimmed.substring(0, allocator);
            }
            int space = trimmed.indexOf(' ');
            if (space > 0 && trimmed.substring(0, space).contains(":")) {
                trimmed = trimmed.substring(space + 1);
            }
            return trimmed.strip();
        }
    }
}
