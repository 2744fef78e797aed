package dev.storycore.comfyui;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ProgressListener} hears while a prompt is watched: ComfyUI's WebSocket messages for
 * that prompt, parsed, and what the watch itself does when the socket goes quiet or drops.
 *
 * <p>Server messages arrive in ComfyUI's order: {@link Started}, {@link Cached}, then per node
 * {@link Executing} with {@link Progress} and {@link Executed}, then {@link Succeeded} and
 * {@link Finished} (the {@code executing} message with a null node); or {@link Failed} /
 * {@link Interrupted} instead of {@link Succeeded}.
 */
public sealed interface ExecutionEvent {

    /** The prompt was queued ({@code POST /prompt} answered 200). */
    record Queued(String promptId, double number) implements ExecutionEvent {
        /** Checks for nulls. */
        public Queued {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /** {@code status}: the server's queue changed; not specific to the prompt. */
    record Status(int queueRemaining) implements ExecutionEvent {
    }

    /** {@code execution_start}. */
    record Started(String promptId) implements ExecutionEvent {
        /** Checks for nulls. */
        public Started {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /** {@code execution_cached}: nodes whose results came from the cache. */
    record Cached(String promptId, List<String> nodes) implements ExecutionEvent {
        /** Checks for nulls and copies the list. */
        public Cached {
            Objects.requireNonNull(promptId, "promptId");
            nodes = List.copyOf(nodes);
        }
    }

    /** {@code executing} with a node: that node started. */
    record Executing(String promptId, String node) implements ExecutionEvent {
        /** Checks for nulls. */
        public Executing {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(node, "node");
        }
    }

    /** {@code progress}: {@code value} of {@code max} steps of a node, e.g. sampler steps. */
    record Progress(String promptId, String node, long value, long max) implements ExecutionEvent {
        /** Checks for nulls. */
        public Progress {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(node, "node");
        }

        /**
         * The fraction done, 0 when {@code max} is not positive.
         *
         * @return a value in [0, 1]
         */
        public double fraction() {
            return max <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) value / max));
        }
    }

    /** {@code executed}: a node finished and listed files. */
    record Executed(String promptId, String node, List<OutputFile> files) implements ExecutionEvent {
        /** Checks for nulls and copies the list. */
        public Executed {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(node, "node");
            files = List.copyOf(files);
        }
    }

    /** {@code execution_success}: every node ran. */
    record Succeeded(String promptId) implements ExecutionEvent {
        /** Checks for nulls. */
        public Succeeded {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /** {@code executing} with a null node: the prompt is done and its history entry exists. */
    record Finished(String promptId) implements ExecutionEvent {
        /** Checks for nulls. */
        public Finished {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /** {@code execution_error}. */
    record Failed(ExecutionError error) implements ExecutionEvent {
        /** Checks for nulls. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** {@code execution_interrupted}: someone called {@code POST /interrupt}. */
    record Interrupted(String promptId, String nodeId, String nodeType, List<String> executed)
            implements ExecutionEvent {
        /** Checks for nulls and copies the list. */
        public Interrupted {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(nodeType, "nodeType");
            executed = List.copyOf(executed);
        }
    }

    /** The socket said nothing about the prompt for {@code silence}; the watch asks the server. */
    record SocketSilent(String promptId, Duration silence) implements ExecutionEvent {
        /** Checks for nulls. */
        public SocketSilent {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(silence, "silence");
        }
    }

    /** The socket closed or failed; the watch polls and reconnects. */
    record SocketLost(String promptId, String reason) implements ExecutionEvent {
        /** Checks for nulls. */
        public SocketLost {
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The socket was opened again after {@code attempt} tries. */
    record SocketReconnected(String promptId, int attempt) implements ExecutionEvent {
        /** Checks for nulls. */
        public SocketReconnected {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /** A poll found the prompt still in the queue: {@code running}, or pending behind others. */
    record StillQueued(String promptId, boolean running) implements ExecutionEvent {
        /** Checks for nulls. */
        public StillQueued {
            Objects.requireNonNull(promptId, "promptId");
        }
    }
}
