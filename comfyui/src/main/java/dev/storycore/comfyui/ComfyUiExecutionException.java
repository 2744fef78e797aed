package dev.storycore.comfyui;

import java.util.Objects;

/**
 * A prompt failed while running: ComfyUI sent {@code execution_error}. Thrown by callers that turn
 * an {@link ExecutionResult.Failed} into an exception ({@link ExecutionResult.Failed#toException()});
 * the message holds the node, the Python exception type and its message, e.g.
 * {@code KSampler (node 3): torch.OutOfMemoryError: CUDA out of memory. Tried to allocate ...}.
 */
public final class ComfyUiExecutionException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    private final transient ExecutionError error;

    /**
     * Creates an exception.
     *
     * @param error the execution error as ComfyUI reported it
     */
    public ComfyUiExecutionException(ExecutionError error) {
        super(Objects.requireNonNull(error, "error").summary());
        this.error = error;
    }

    /**
     * The execution error as ComfyUI reported it, with its raw JSON.
     *
     * @return the error
     */
    public ExecutionError error() {
        return error;
    }
}
