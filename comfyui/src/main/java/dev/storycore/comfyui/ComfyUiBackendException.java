package dev.storycore.comfyui;

import dev.storycore.generation.backend.BackendException;
import java.util.Objects;

/**
 * A job failed on a {@link ComfyUiBackend}. {@link #report()} holds what ComfyUI said, for the error
 * classifier: the raw {@code execution_error} JSON for a node failure, the raw {@code /prompt} error
 * body for a 400, the transport message ({@code Connection refused}, {@code HTTP 502 Bad Gateway},
 * {@code connection closed}, {@code timed out}) otherwise. The message is one short line instead.
 */
public final class ComfyUiBackendException extends BackendException {

    private static final long serialVersionUID = 1L;

    private final ComfyUiFailure failure;
    private final String summary;

    /**
     * Creates the exception.
     *
     * @param backend         the backend's name
     * @param failure         what kind of failure it was
     * @param summary         one line for people, e.g. {@code KSampler (node 3): torch.OutOfMemoryError: ...}
     * @param report          what ComfyUI said, in full
     * @param gpuSecondsSpent GPU time the attempt burned
     * @param cause           the underlying exception, or {@code null}
     */
    public ComfyUiBackendException(String backend, ComfyUiFailure failure, String summary, String report,
                                   double gpuSecondsSpent, Throwable cause) {
        super(backend, report, gpuSecondsSpent, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.summary = oneLine(Objects.requireNonNull(summary, "summary"));
    }

    /** @return what kind of failure it was */
    public ComfyUiFailure failure() {
        return failure;
    }

    /** @return {@code <backend>: <summary>}, one line */
    @Override
    public String getMessage() {
        return backend() + ": " + summary;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
