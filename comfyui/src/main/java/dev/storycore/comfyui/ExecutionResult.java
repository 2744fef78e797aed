package dev.storycore.comfyui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a watched prompt ended. Switch over it without {@code default}:
 * {@link Success} (outputs by node), {@link Failed} ({@code execution_error}), {@link Interrupted}
 * ({@code POST /interrupt}), or {@link Lost} (the watch gave up: dead server, timeout, stalled or
 * vanished prompt).
 */
public sealed interface ExecutionResult {

    /**
     * The prompt this result is about.
     *
     * @return the prompt id
     */
    String promptId();

    /**
     * Every node ran; the history entry lists the files.
     *
     * @param promptId the prompt
     * @param outputs  files by output node id, in the server's order
     */
    record Success(String promptId, Map<String, List<OutputFile>> outputs) implements ExecutionResult {
        /** Checks for nulls and copies the outputs. */
        public Success {
            Objects.requireNonNull(promptId, "promptId");
            outputs = Maps.orderedLists(outputs);
        }

        /**
         * Every file of every node, in order.
         *
         * @return an immutable list
         */
        public List<OutputFile> files() {
            return outputs.values().stream().flatMap(List::stream).toList();
        }
    }

    /**
     * A node raised an exception.
     *
     * @param error the {@code execution_error} data
     */
    record Failed(ExecutionError error) implements ExecutionResult {
        /** Checks for nulls. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String promptId() {
            return error.promptId();
        }

        /**
         * This failure as an exception, for callers that throw.
         *
         * @return an exception carrying the error
         */
        public ComfyUiExecutionException toException() {
            return new ComfyUiExecutionException(error);
        }
    }

    /**
     * The prompt was interrupted on the server.
     *
     * @param promptId the prompt
     * @param nodeId   the node that was running, empty when unknown
     * @param nodeType its class, empty when unknown
     */
    record Interrupted(String promptId, String nodeId, String nodeType) implements ExecutionResult {
        /** Checks for nulls. */
        public Interrupted {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(nodeType, "nodeType");
        }
    }

    /**
     * The watch ended without a verdict from the server.
     *
     * @param promptId the prompt
     * @param reason   why
     * @param message  one line with the server, the limits and the last transport failure
     *                 ({@code Connection refused}, {@code timed out}, ...)
     */
    record Lost(String promptId, LossReason reason, String message) implements ExecutionResult {
        /** Checks for nulls. */
        public Lost {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /**
         * This loss as an exception: {@link ComfyUiTimeoutException} for {@link LossReason#JOB_TIMEOUT}
         * and {@link LossReason#STALLED}, otherwise {@link ComfyUiUnavailableException}.
         *
         * @return an exception with this loss's message
         */
        public ComfyUiException toException() {
            return switch (reason) {
                case JOB_TIMEOUT, STALLED -> new ComfyUiTimeoutException(message, null);
                case SERVER_UNREACHABLE, PROMPT_VANISHED -> new ComfyUiUnavailableException(message, (Throwable) null);
            };
        }
    }
}
