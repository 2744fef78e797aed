package dev.storycore.comfyui;

import java.util.List;
import java.util.Objects;

/**
 * The validation errors of one node in a {@code POST /prompt} answer ({@code node_errors[id]}).
 *
 * @param nodeId           the node id in the workflow, e.g. {@code 37}
 * @param classType        the node class, e.g. {@code UNETLoader}
 * @param errors           the node's errors, in the server's order
 * @param dependentOutputs the output node ids that could not run because of it
 */
public record NodeError(String nodeId, String classType, List<ValidationError> errors, List<String> dependentOutputs) {

    /** Checks for nulls and copies the lists. */
    public NodeError {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(classType, "classType");
        errors = List.copyOf(errors);
        dependentOutputs = List.copyOf(dependentOutputs);
    }
}
