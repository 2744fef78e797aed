package dev.storycore.comfyui.fake;

/**
 * Scripted misbehaviour of the fake server for one queued prompt (see
 * {@link FakeComfyUi#nextPromptFaults}). Validation failures need no script: the fake validates
 * every workflow against its object info, so an unknown node class or a missing model file is
 * refused with ComfyUI's own 400 bodies.
 */
public enum Fault {
    /** The first sampler fails with {@code torch.OutOfMemoryError} ("CUDA out of memory. Tried to allocate ..."). */
    OOM,
    /** The client's socket is cut after the first progress message; the job still completes into the history. */
    DROP_SOCKET,
    /** No WebSocket message about the prompt at all; the job completes into the history. */
    SILENT,
    /** The job stops after the first progress message until interrupted or {@link FakeComfyUi#releaseHeldPrompts released}. */
    HOLD,
    /** The whole server stops after the first progress message: every connection cut, the port refusing. */
    DIE,
    /**
     * Each sampler step after the first waits for {@link FakeComfyUi#allowStep()}: a job that keeps
     * talking, as slowly as the test likes. An interrupt or a release lets the remaining steps go.
     */
    STEPWISE
}
