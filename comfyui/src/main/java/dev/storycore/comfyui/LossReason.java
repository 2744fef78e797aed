package dev.storycore.comfyui;

/** Why a watched prompt ended without a verdict from the server. */
public enum LossReason {
    /** The server stayed unreachable (connection refused, reset, 5xx) past the dead-server timeout. */
    SERVER_UNREACHABLE,
    /** The job ran past the overall job timeout. */
    JOB_TIMEOUT,
    /**
     * The queue reported the prompt running, yet the socket, open all along, carried no message about
     * it (no {@code executing}, {@code progress} or {@code executed}) for the stall timeout: a node that
     * hangs, such as a stuck custom node or a CUDA kernel that never returns.
     */
    STALLED,
    /** The server answers but knows nothing of the prompt any more: not queued, not running, no history. */
    PROMPT_VANISHED
}
