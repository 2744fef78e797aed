package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** One queued prompt inside the fake server. Thread-safe where shared: the gate and the flag. */
final class FakeJob {

    final String promptId;
    final double number;
    final String clientId;
    final JsonNode prompt;
    final Set<Fault> faults;
    final ArrayNode statusMessages;
    /** Completed true by an interrupt, false by a release or a stop; awaited by {@link Fault#HOLD}. */
    final CompletableFuture<Boolean> gate = new CompletableFuture<>();
    /** Permits for {@link Fault#STEPWISE} steps; a completed gate hands out more than any sampler has steps. */
    final Semaphore steps = new Semaphore(0);
    /** Completed once the {@code /prompt} answer is sent; the job starts no earlier. */
    final CompletableFuture<Void> answered = new CompletableFuture<>();
    volatile boolean interruptRequested;

    FakeJob(String promptId, double number, String clientId, JsonNode prompt, Set<Fault> faults, ArrayNode statusMessages) {
        this.promptId = promptId;
        this.number = number;
        this.clientId = clientId;
        this.prompt = prompt;
        this.faults = Set.copyOf(faults);
        this.statusMessages = statusMessages;
        gate.whenComplete((interrupted, failure) -> steps.release(1000));
    }

    boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
