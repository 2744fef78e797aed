package dev.storycore.comfyui;

import java.util.List;
import java.util.Objects;

/**
 * {@code GET /queue}: what the server is running and what waits.
 *
 * @param running the prompts running now (ComfyUI runs one at a time)
 * @param pending the prompts waiting, in the server's order
 */
public record QueueState(List<Item> running, List<Item> pending) {

    /** Copies the lists. */
    public QueueState {
        running = List.copyOf(running);
        pending = List.copyOf(pending);
    }

    /**
     * One queued prompt: the first two elements of ComfyUI's queue tuple.
     *
     * @param number   the queue number (priority)
     * @param promptId the prompt
     */
    public record Item(double number, String promptId) {
        /** Checks for nulls. */
        public Item {
            Objects.requireNonNull(promptId, "promptId");
        }
    }

    /**
     * Whether the prompt is running.
     *
     * @param promptId the prompt
     * @return true when running
     */
    public boolean isRunning(String promptId) {
        return running.stream().anyMatch(item -> item.promptId().equals(promptId));
    }

    /**
     * Whether the prompt waits in the queue.
     *
     * @param promptId the prompt
     * @return true when pending
     */
    public boolean isPending(String promptId) {
        return pending.stream().anyMatch(item -> item.promptId().equals(promptId));
    }

    /**
     * Whether the prompt is running or pending.
     *
     * @param promptId the prompt
     * @return true when queued in either way
     */
    public boolean contains(String promptId) {
        return isRunning(promptId) || isPending(promptId);
    }
}
