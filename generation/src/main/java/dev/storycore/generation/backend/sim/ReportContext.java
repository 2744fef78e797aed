package dev.storycore.generation.backend.sim;

import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;

/**
 * What a report about one attempt may mention: the ComfyUI prompt id, the time, the request and two
 * wording draws. Chance faults pick their wording per attempt; faults the request causes pick it
 * per request, so the same request always reads the same, as it would on one real server.
 *
 * @param promptId       the simulated ComfyUI prompt id, a UUID derived from the seed
 * @param timestampMs    the backend clock's time in epoch milliseconds
 * @param attemptVariant a non-negative draw for this attempt
 * @param requestVariant a non-negative draw for this request
 * @param pid            the simulated server's process id
 * @param request        the request
 */
record ReportContext(String promptId, long timestampMs, int attemptVariant, int requestVariant, int pid,
                     GenerationRequest request) {

    /** The simulated server's address, as clients print it. */
    static final String HOST = "127.0.0.1";
    /** ComfyUI's default port. */
    static final int PORT = 8188;

    ReportContext {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(request, "request");
    }

    /** Picks one of {@code n} wordings for a chance fault. */
    int pickForAttempt(int n) {
        return attemptVariant % n;
    }

    /** Picks one of {@code n} wordings for a fault the request causes. */
    int pickForRequest(int n) {
        return requestVariant % n;
    }

    /** Whether a fault the request causes arrives inside its WebSocket message rather than bare. */
    boolean wrapped() {
        return ((requestVariant >>> 20) & 1) == 1;
    }
}
