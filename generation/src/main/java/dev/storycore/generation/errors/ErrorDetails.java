package dev.storycore.generation.errors;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Numbers and names read out of an error report. Byte counts are zero when the text did not say;
 * names are empty when unknown.
 *
 * @param requestedBytes the allocation that failed ("Tried to allocate 2.50 GiB", "Requested : 320 MiB")
 * @param capacityBytes  the device's total or limit ("total capacity of 15.70 GiB", "Device limit")
 * @param freeBytes      free memory on the device when it failed
 * @param allocatedBytes memory already allocated ("Currently allocated", "allocated by PyTorch")
 * @param nodeType       the ComfyUI node that failed, e.g. {@code KSampler}
 * @param exceptionType  the Python exception type, e.g. {@code torch.OutOfMemoryError}
 * @param modelId        the model involved, when the caller or the text named one
 */
public record ErrorDetails(
        long requestedBytes,
        long capacityBytes,
        long freeBytes,
        long allocatedBytes,
        String nodeType,
        String exceptionType,
        String modelId) {

    /** Details that say nothing. */
    public static final ErrorDetails NONE = new ErrorDetails(0, 0, 0, 0, "", "", "");

    /** Checks that no byte count is negative and nothing is null. */
    public ErrorDetails {
        if (requestedBytes < 0 || capacityBytes < 0 || freeBytes < 0 || allocatedBytes < 0) {
            throw new IllegalArgumentException("byte counts must not be negative");
        }
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(exceptionType, "exceptionType");
        Objects.requireNonNull(modelId, "modelId");
    }

    /**
     * The failed allocation, if the text said.
     *
     * @return the requested bytes
     */
    public OptionalLong requested() {
        return requestedBytes > 0 ? OptionalLong.of(requestedBytes) : OptionalLong.empty();
    }

    /**
     * The device capacity, if the text said.
     *
     * @return the capacity in bytes
     */
    public OptionalLong capacity() {
        return capacityBytes > 0 ? OptionalLong.of(capacityBytes) : OptionalLong.empty();
    }
}
