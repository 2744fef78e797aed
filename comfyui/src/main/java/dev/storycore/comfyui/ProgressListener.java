package dev.storycore.comfyui;

/**
 * Receives the events of one watched prompt, in the order they happened, on the watching thread.
 * A listener that throws is logged and ignored; it never breaks the watch. Use {@link #NONE} instead
 * of {@code null}.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    /**
     * Called for each event.
     *
     * @param event the event
     */
    void onEvent(ExecutionEvent event);
}
