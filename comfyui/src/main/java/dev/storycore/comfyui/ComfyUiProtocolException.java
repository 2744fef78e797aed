package dev.storycore.comfyui;

/**
 * The server answered something this client cannot use: a body that is not the JSON the protocol
 * describes, an unexpected 4xx status, or an output file name that would be written outside the
 * output folder. Retrying the same call will not help.
 */
public final class ComfyUiProtocolException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line naming the endpoint and what was wrong
     */
    public ComfyUiProtocolException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message one line naming the endpoint and what was wrong
     * @param cause   the parse or I/O failure behind it
     */
    public ComfyUiProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
