package dev.storycore.comfyui;

/**
 * A request, a connection attempt or a whole job took longer than its configured limit. The message
 * contains {@code timed out} and the limit.
 */
public final class ComfyUiTimeoutException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line with the endpoint, {@code timed out} and the limit
     * @param cause   the timeout reported by the transport, may be {@code null}
     */
    public ComfyUiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
