package dev.storycore.comfyui;

import java.util.Map;
import java.util.Objects;

/**
 * A 200 answer to {@code POST /prompt}: the workflow is queued.
 *
 * @param promptId   the prompt id the server uses (the one sent, on builds that accept client ids)
 * @param number     the queue number ComfyUI assigned (its priority; lower runs first)
 * @param nodeErrors validation errors of outputs that were dropped while the valid outputs were
 *                   still queued; usually empty
 */
public record PromptAccepted(String promptId, double number, Map<String, NodeError> nodeErrors) {

    /** Checks for nulls and copies the map, keeping its order. */
    public PromptAccepted {
        Objects.requireNonNull(promptId, "promptId");
        nodeErrors = Maps.ordered(nodeErrors);
    }
}
