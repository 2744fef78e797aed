package dev.storycore.comfyui;

/**
 * What kind of failure a {@link ComfyUiBackendException} reports. {@link #serverFailure()} tells a
 * router whether the server, rather than the job, was at fault, so the job may run elsewhere.
 */
public enum ComfyUiFailure {
    /** A node raised an exception ({@code execution_error}): out of memory, a bad input tensor, ... */
    EXECUTION_ERROR(false),
    /** {@code POST /prompt} answered 400: a model file or a node class is missing, a value is invalid. */
    PROMPT_REJECTED(false),
    /** The server could not be reached or served: refused, reset, closed, 5xx, a request timed out. */
    SERVER_UNAVAILABLE(true),
    /** The server went away while the job ran, or forgot the job (restarted). */
    JOB_LOST(true),
    /** The job ran past the job timeout; it was interrupted on the server. */
    JOB_TIMEOUT(false),
    /**
     * The job stalled: it ran without a word for the stall timeout (a hung node or CUDA kernel); it was
     * interrupted on the server. Counted as the server's fault, because a node that sends nothing
     * may not heed the interrupt either, leaving the server busy, so the job should go elsewhere.
     */
    STALLED(true),
    /** The job was cancelled ({@code POST /interrupt}) or the calling thread was interrupted. */
    INTERRUPTED(false),
    /** The request cannot be turned into a workflow: no template, a missing input file, a bad placeholder. */
    BAD_INPUT(false),
    /** The server answered something unusable: not the JSON the protocol describes, an unsafe file name. */
    PROTOCOL(false);

    private final boolean serverFailure;

    ComfyUiFailure(boolean serverFailure) {
        this.serverFailure = serverFailure;
    }

    /**
     * Whether the server was at fault, so another server may run the same job.
     *
     * @return true for {@link #SERVER_UNAVAILABLE}, {@link #JOB_LOST} and {@link #STALLED}
     */
    public boolean serverFailure() {
        return serverFailure;
    }
}
