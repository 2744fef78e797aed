package dev.storycore.generation.errors;

import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;

/**
 * What kind of failure a video-generation stack reported (DESIGN.md's table), with the core category
 * it maps onto and its usual disposition. A classifier may choose another disposition when the text
 * says more (a gated download is not retried; an incomplete one is).
 */
public enum GenerationErrorCategory {
    /** A model or component file is missing, the library is too old, a pipeline lacks a component. */
    MODEL_LOADING(ErrorCategory.MODEL, Disposition.DO_NOT_RETRY),
    /** The weights do not fit the model class: state_dict mismatch, wrong family. */
    ARCHITECTURE(ErrorCategory.MODEL, Disposition.DO_NOT_RETRY),
    /** The hub is unreachable, gated or rate-limited, or a download is incomplete. */
    WEIGHTS_DOWNLOAD(ErrorCategory.NETWORK, Disposition.RETRY_AS_IS),
    /** A weights file is truncated or corrupt, or its header is bad. */
    WEIGHTS_INTEGRITY(ErrorCategory.MODEL, Disposition.DO_NOT_RETRY),
    /** A failure inside sampling: NaN, device or dtype mismatch. */
    INFERENCE(ErrorCategory.WORKFLOW, Disposition.ADJUST_AND_RETRY),
    /** The GPU ran out of memory. */
    MEMORY_MANAGEMENT(ErrorCategory.MEMORY, Disposition.ADJUST_AND_RETRY),
    /** A kernel, precision or attention backend is not supported on this GPU. */
    HARDWARE_OPTIMIZATION(ErrorCategory.SYSTEM, Disposition.ADJUST_AND_RETRY),
    /** Size not a multiple of 16, frames not 4k+1, a value out of range. */
    PARAMETER_VALIDATION(ErrorCategory.VALIDATION, Disposition.ADJUST_AND_RETRY),
    /** Frame-count or temporal-dimension errors. */
    TEMPORAL_PROCESSING(ErrorCategory.VALIDATION, Disposition.ADJUST_AND_RETRY),
    /** Text or image encoder, CLIP vision, mask or reference-input failures. */
    CONDITIONING(ErrorCategory.MODEL, Disposition.DO_NOT_RETRY),
    /** System RAM exhausted, a worker killed. */
    HOST_MEMORY(ErrorCategory.MEMORY, Disposition.ADJUST_AND_RETRY),
    /** The server is down: connection refused or reset, socket closed, 502/503. */
    BACKEND_UNAVAILABLE(ErrorCategory.NETWORK, Disposition.RETRY_AS_IS),
    /** A request or a collective operation timed out. */
    TIMEOUT(ErrorCategory.NETWORK, Disposition.RETRY_AS_IS),
    /** A user cancelled the work. */
    INTERRUPTED(ErrorCategory.WORKFLOW, Disposition.DO_NOT_RETRY),
    /** Nothing matched. */
    UNKNOWN(ErrorCategory.UNKNOWN, Disposition.DO_NOT_RETRY);

    private final ErrorCategory coreCategory;
    private final Disposition usualDisposition;

    GenerationErrorCategory(ErrorCategory coreCategory, Disposition usualDisposition) {
        this.coreCategory = coreCategory;
        this.usualDisposition = usualDisposition;
    }

    /**
     * The seed design's category this maps onto.
     *
     * @return the core category
     */
    public ErrorCategory coreCategory() {
        return coreCategory;
    }

    /**
     * What is usually done about this kind of failure.
     *
     * @return the usual disposition
     */
    public Disposition usualDisposition() {
        return usualDisposition;
    }
}
