package dev.storycore.comfyui;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The body of a 400 answer to {@code POST /prompt}: why ComfyUI refused to queue the workflow.
 *
 * @param error      the top-level error ({@code prompt_outputs_failed_validation},
 *                   {@code missing_node_type}, {@code invalid_prompt_id}, ...); builds that sent a
 *                   plain string give it as the message with type {@code invalid_prompt}
 * @param nodeErrors per-node errors by node id, in the server's order; often empty for top-level errors
 * @param rawJson    the body exactly as received, for classifiers that want more than is parsed here
 */
public record PromptError(ValidationError error, Map<String, NodeError> nodeErrors, String rawJson) {

    /** Checks for nulls and copies the map, keeping its order. */
    public PromptError {
        Objects.requireNonNull(error, "error");
        nodeErrors = Maps.ordered(nodeErrors);
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /**
     * A one-line rendering of the error and every node error, e.g.
     * {@code prompt_outputs_failed_validation: Prompt outputs failed validation; UNETLoader (node 37):
     * value_not_in_list: Value not in list: unet_name: 'x' not in [...]}.
     *
     * @return the line
     */
    public String summary() {
        String nodes = nodeErrors.values().stream()
                .flatMap(node -> node.errors().stream()
                        .map(e -> node.classType() + " (node " + node.nodeId() + "): " + e.summary()))
                .collect(Collectors.joining("; "));
        String head = new ValidationError(error.type(), error.message(), nodes.isEmpty() ? error.details() : "",
                Map.of()).summary();
        return nodes.isEmpty() ? head : head + "; " + nodes;
    }
}
