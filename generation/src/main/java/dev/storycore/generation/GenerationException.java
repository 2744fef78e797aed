package dev.storycore.generation;

/**
 * The root of every exception the generation module throws on purpose: bad input, unknown models,
 * unreadable files. Messages are one line and name what is wrong.
 */
public class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line naming what is wrong
     */
    public GenerationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message one line naming what is wrong
     * @param cause   the failure behind it
     */
    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
