package dev.storycore.comfyui;

import java.util.Objects;

/**
 * {@code POST /prompt} answered 400: the workflow failed validation before anything ran. The parsed
 * body says why ({@code prompt_outputs_failed_validation} with per-node {@code value_not_in_list}
 * for a missing model file, {@code missing_node_type} for a custom node that is not installed, ...)
 * and keeps the raw JSON for a classifier.
 */
public final class ComfyUiPromptRejectedException extends ComfyUiException {

    private static final long serialVersionUID = 1L;

    private final transient PromptError promptError;

    /**
     * Creates an exception; the message summarises the error and every node error.
     *
     * @param endpoint    the endpoint, e.g. {@code POST http://127.0.0.1:8188/prompt}
     * @param promptError the parsed 400 body
     */
    public ComfyUiPromptRejectedException(String endpoint, PromptError promptError) {
        super(endpoint + ": HTTP 400 Bad Request: " + Objects.requireNonNull(promptError, "promptError").summary());
        this.promptError = promptError;
    }

    /**
     * The parsed 400 body.
     *
     * @return the error, with the raw JSON
     */
    public PromptError promptError() {
        return promptError;
    }
}
