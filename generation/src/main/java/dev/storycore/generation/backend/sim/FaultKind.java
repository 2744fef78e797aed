package dev.storycore.generation.backend.sim;

/** What went wrong in a simulated job; see {@link SimulatedFailure}. */
public enum FaultKind {
    /** The server refused the connection before the job was submitted. Transient. */
    CONNECTION_REFUSED(true),
    /**
     * The WebSocket or HTTP connection dropped while the job ran and the client gave up on it. Transient.
     * A client that re-attaches (the default) never sees this: the job runs on.
     */
    CONNECTION_DROPPED(true),
    /** The worker process died while the job ran; the GPU time so far is lost. Transient. */
    WORKER_CRASHED(true),
    /** The job went silent and the client gave up after its timeout. Transient. */
    STALLED(true),
    /** The simulated peak GPU memory exceeded the device. Repeats for the same request. */
    GPU_OUT_OF_MEMORY(false),
    /** System RAM ran out while staging offloaded weights. Repeats for the same request. */
    HOST_OUT_OF_MEMORY(false),
    /** The model's weights file is configured as corrupt. Repeats. */
    CORRUPT_WEIGHTS(false),
    /** The model is configured as missing or unknown to the registry. Repeats. */
    MISSING_MODEL(false),
    /** An input image, mask or video named by the request does not exist. Repeats. */
    MISSING_INPUT(false),
    /** The job was cancelled. */
    INTERRUPTED(false);

    private final boolean transientFault;

    FaultKind(boolean transientFault) {
        this.transientFault = transientFault;
    }

    /**
     * Whether the fault is drawn by chance and may pass on a retry of the same request.
     *
     * @return {@code true} for connection, crash and stall faults
     */
    public boolean transientFault() {
        return transientFault;
    }
}
