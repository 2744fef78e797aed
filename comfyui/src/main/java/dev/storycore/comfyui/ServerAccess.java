package dev.storycore.comfyui;

import java.util.Optional;

/** What the watch loop needs from the server; the client implements it. Not exported. */
interface ServerAccess {

    /** {@code GET /history/{id}}. */
    Optional<HistoryEntry> history(String promptId);

    /** {@code GET /queue}. */
    QueueState queue();

    /** Opens {@code /ws?clientId=}. */
    EventSocket openSocket();
}
