package dev.storycore.cli;

/**
 * Bad usage or bad input found while running a command (an unreadable file, an unknown model): the
 * command line prints the message as one line and exits with code 2.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming what is wrong
     */
    public UsageException(String message) {
        super(message);
    }
}
