package dev.storycore.comfyui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of an {@code execution_error} message, from the WebSocket or a history entry: which node
 * failed and the Python exception it raised. Missing fields are empty.
 *
 * @param promptId         the prompt
 * @param nodeId           the node that failed, e.g. {@code 3}
 * @param nodeType         its class, e.g. {@code KSampler}
 * @param executed         the node ids that had finished before it
 * @param exceptionMessage the exception text, e.g. {@code CUDA out of memory. Tried to allocate ...}
 *                         (ComfyUI appends its tips after a newline)
 * @param exceptionType    the Python type, e.g. {@code torch.OutOfMemoryError}
 * @param traceback        the traceback lines
 * @param currentInputs    the node's inputs: each value rendered as a string (JSON text unless it
 *                         was a string)
 * @param currentOutputs   the node ids whose outputs existed
 * @param timestamp        the server's timestamp in epoch milliseconds, 0 when absent
 * @param rawJson          the message data exactly as received
 */
public record ExecutionError(
        String promptId,
        String nodeId,
        String nodeType,
        List<String> executed,
        String exceptionMessage,
        String exceptionType,
        List<String> traceback,
        Map<String, List<String>> currentInputs,
        List<String> currentOutputs,
        long timestamp,
        String rawJson) {

    /** Checks for nulls and copies the collections. */
    public ExecutionError {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeType, "nodeType");
        executed = List.copyOf(executed);
        Objects.requireNonNull(exceptionMessage, "exceptionMessage");
        Objects.requireNonNull(exceptionType, "exceptionType");
        traceback = List.copyOf(traceback);
        currentInputs = Maps.orderedLists(currentInputs);
        currentOutputs = List.copyOf(currentOutputs);
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /**
     * One line: {@code KSampler (node 3): torch.OutOfMemoryError: CUDA out of memory. ...}, with
     * ComfyUI's appended tips cut off.
     *
     * @return the line
     */
    public String summary() {
        String firstLine = exceptionMessage.strip().lines().findFirst().orElse("");
        String where = nodeType.isEmpty() ? "node " + nodeId : nodeType + " (node " + nodeId + ")";
        String what = exceptionType.isEmpty() ? firstLine : exceptionType + ": " + firstLine;
        return where + ": " + what;
    }
}
