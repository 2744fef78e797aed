package dev.storycore.comfyui;

import java.util.OptionalInt;

/**
 * The server could not be reached or could not serve the request: connection refused or reset, the
 * connection or WebSocket closed, an HTTP 5xx answer, or a server that stayed unreachable past the
 * dead-server timeout. Messages contain the phrases an error classifier looks for:
 * {@code Connection refused}, {@code Connection reset}, {@code connection closed},
 * {@code HTTP 502 Bad Gateway} and so on. Retrying later, or on another server, may succeed.
 */
public final class ComfyUiUnavailableException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    /**
     * A transport failure without an HTTP status.
     *
     * @param message one line with the endpoint and the transport phrase
     * @param cause   the I/O failure, may be {@code null} when there is none
     */
    public ComfyUiUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
    }

    /**
     * A 5xx answer.
     *
     * @param message    one line with the endpoint and {@code HTTP <code> <reason>}
     * @param httpStatus the status code
     */
    public ComfyUiUnavailableException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status, when the server answered with one.
     *
     * @return the status, or empty for a transport failure
     */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
