package dev.storycore.comfyui;

/** Why a watched prompt ended without a verdict from the server. */
public enum LossReason {
    /** The server stayed unreachable (connection refused, reset, 5xx) past the dead-server timeout. */
    SERVER_UNREACHABLE,
    /** The job ran past the overall job timeout. */
    JOB_TIMEOUT,
    /** The server answers but knows nothing of the prompt any more: not queued, not running, no history. */
    PROMPT_VANISHED
}
