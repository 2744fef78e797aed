package dev.storycore.comfyui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt's entry in {@code GET /history/{id}}. ComfyUI writes it only when the prompt is done
 * (successfully or not), so its presence means the prompt finished.
 *
 * @param promptId  the prompt
 * @param outputs   files by output node id, in the server's order
 * @param statusStr {@code success} or {@code error}; {@code success} when the server sent no status
 * @param completed whether every node ran
 * @param messages  the events recorded in {@code status.messages} ({@code execution_start},
 *                  {@code execution_cached}, {@code execution_success}, {@code execution_error},
 *                  {@code execution_interrupted}), parsed
 */
public record HistoryEntry(
        String promptId,
        Map<String, List<OutputFile>> outputs,
        String statusStr,
        boolean completed,
        List<ExecutionEvent> messages) {

    /** Checks for nulls and copies the collections. */
    public HistoryEntry {
        Objects.requireNonNull(promptId, "promptId");
        outputs = Maps.orderedLists(outputs);
        Objects.requireNonNull(statusStr, "statusStr");
        messages = List.copyOf(messages);
    }

    /**
     * The {@code execution_error} recorded for the prompt.
     *
     * @return the error, or empty
     */
    public Optional<ExecutionError> error() {
        return messages.stream()
                .filter(ExecutionEvent.Failed.class::isInstance)
                .map(event -> ((ExecutionEvent.Failed) event).error())
                .findFirst();
    }

    /**
     * The {@code execution_interrupted} recorded for the prompt.
     *
     * @return the event, or empty
     */
    public Optional<ExecutionEvent.Interrupted> interruption() {
        return messages.stream()
                .filter(ExecutionEvent.Interrupted.class::isInstance)
                .map(ExecutionEvent.Interrupted.class::cast)
                .findFirst();
    }

    /**
     * The result this entry stands for: an interruption or an error if one was recorded, a failure
     * without details if the status is not {@code success}, otherwise success with the outputs.
     *
     * @return the result
     */
    public ExecutionResult toResult() {
        Optional<ExecutionEvent.Interrupted> interrupted = interruption();
        if (interrupted.isPresent()) {
            ExecutionEvent.Interrupted event = interrupted.get();
            return new ExecutionResult.Interrupted(promptId, event.nodeId(), event.nodeType());
        }
        Optional<ExecutionError> error = error();
        if (error.isPresent()) {
            return new ExecutionResult.Failed(error.get());
        }
        if (!"success".equals(statusStr)) {
            String message = "ComfyUI reported status '" + statusStr + "' without an execution_error";
            return new ExecutionResult.Failed(new ExecutionError(promptId, "", "", List.of(), message, "",
                    List.of(), Map.of(), List.of(), 0, "{}"));
        }
        return new ExecutionResult.Success(promptId, outputs);
    }
}
