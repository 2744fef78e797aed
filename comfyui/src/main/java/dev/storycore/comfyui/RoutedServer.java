package dev.storycore.comfyui;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitState;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server behind a {@link RoutingBackend}: the backend, its breaker, the jobs routed to it now,
 * and the last failure it reported. Not exported; thread-safe.
 */
final class RoutedServer {

    final GenerationBackend backend;
    final CircuitBreaker breaker;
    final AtomicInteger inFlight = new AtomicInteger();
    private volatile String lastFailure = "";

    RoutedServer(GenerationBackend backend, CircuitBreaker breaker) {
        this.backend = backend;
        this.breaker = breaker;
    }

    String name() {
        return backend.name();
    }

    void failed(String report) {
        lastFailure = firstLine(report);
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Why this server takes no jobs now, for a report. */
    String refusal() {
        long seconds = (breaker.remainingOpenTime().toMillis() + 999) / 1000;
        String open = breaker.state() == CircuitState.ISOLATED
                ? "circuit breaker isolated" : "circuit breaker open for " + seconds + " s more";
        return name() + ": " + open + (lastFailure.isEmpty() ? "" : " after: " + lastFailure);
    }

    static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
