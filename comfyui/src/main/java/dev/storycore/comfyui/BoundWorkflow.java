package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A template filled in for one request, ready for {@code POST /prompt}.
 *
 * @param spec     the catalog entry it came from
 * @param workflow the API-format workflow; a fresh tree the caller owns
 * @param notes    what binding changed beyond the placeholders, e.g. {@code VAEDecode -> VAEDecodeTiled
 *                 (tile 256)}
 */
public record BoundWorkflow(TemplateSpec spec, ObjectNode workflow, List<String> notes) {

    /** Checks for nulls and copies the notes. */
    public BoundWorkflow {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(workflow, "workflow");
        notes = List.copyOf(notes);
    }

    /**
     * The class of a node.
     *
     * @param nodeId the node id
     * @return its {@code class_type}, or empty when there is no such node
     */
    public String classOf(String nodeId) {
        return workflow.path(nodeId).path("class_type").asText("");
    }
}
