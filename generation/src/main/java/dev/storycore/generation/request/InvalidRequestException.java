package dev.storycore.generation.request;

import dev.storycore.generation.GenerationException;
import java.util.List;

/**
 * A request that no snapping can repair: an empty prompt for text-to-video, a missing input image, a
 * negative or NaN number, a size over 4096, a workflow the model lacks. The message lists every
 * problem on one line.
 */
public final class InvalidRequestException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /**
     * Creates the exception.
     *
     * @param modelId  the model the request named
     * @param problems what is wrong, at least one
     */
    public InvalidRequestException(String modelId, List<String> problems) {
        super("invalid request for " + modelId + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * What is wrong.
     *
     * @return the problems, one sentence each
     */
    public List<String> problems() {
        return problems;
    }
}
