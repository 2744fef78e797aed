package dev.storycore.comfyui;

/**
 * A workflow template cannot be used: it is not API-format JSON, it names placeholders nobody knows,
 * a placeholder has no value for the request, or no template fits the request's model and workflow.
 * The message names the template and every offending placeholder. Retrying will not help.
 */
public final class TemplateException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line naming the template and what is wrong
     */
    public TemplateException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message one line naming the template and what is wrong
     * @param cause   the parse or I/O failure behind it
     */
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
