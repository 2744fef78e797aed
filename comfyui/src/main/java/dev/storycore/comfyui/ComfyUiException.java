package dev.storycore.comfyui;

import dev.storycore.generation.GenerationException;

/**
 * The root of every exception the ComfyUI client throws. Subtypes say what kind of failure it was
 * and carry its data; this type itself is thrown only when the calling thread was interrupted while
 * waiting on the server (the interrupt flag is restored and the cause is the
 * {@link InterruptedException}).
 *
 * <p>Messages are one line and name the endpoint and the server.
 */
public class ComfyUiException extends GenerationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line naming what went wrong
     */
    public ComfyUiException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message one line naming what went wrong
     * @param cause   the failure behind it
     */
    public ComfyUiException(String message, Throwable cause) {
        super(message, cause);
    }
}
