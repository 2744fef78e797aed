package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stall clock of one watched prompt: how long the prompt has run without a word about it.
 *
 * <p>The clock starts when the prompt is first heard or first seen running, so time spent waiting
 * behind other prompts never counts (a pending prompt legitimately says nothing). Every message about
 * the prompt starts it over, and so does a new socket, because what the server sent while there was
 * none is lost. Readings are nanoseconds of the watch's injected clock. Remembers the node the prompt
 * was last heard executing, named by its class when the workflow is known.
 *
 * <p>Not thread-safe: one instance per watch, used by the watching thread only.
 */
final class StallWatch {

    private final Duration timeout;
    private final Map<String, String> nodeClasses;
    private boolean running;
    private long lastHeardNanos;
    private String node = "";

    /**
     * Creates a watch whose clock has not started.
     *
     * @param timeout     the stall timeout
     * @param nodeClasses node id to class, e.g. {@code 3 -> KSampler}; empty when the workflow is unknown
     */
    StallWatch(Duration timeout, Map<String, String> nodeClasses) {
        this.timeout = timeout;
        this.nodeClasses = Map.copyOf(nodeClasses);
    }

    /** Node id to {@code class_type} of an API-format workflow; nodes without one are left out. */
    static Map<String, String> nodeClasses(JsonNode workflow) {
        Map<String, String> classes = new LinkedHashMap<>();
        workflow.properties().forEach(node -> {
            String classType = node.getValue().path("class_type").asText("");
            if (!classType.isEmpty()) {
                classes.put(node.getKey(), classType);
            }
        });
        return classes;
    }

    /** A message about the prompt: it runs, and the clock starts over. */
    void heard(ExecutionEvent event, long nowNanos) {
        running = true;
        lastHeardNanos = nowNanos;
        if (event instanceof ExecutionEvent.Executing executing) {
            node = executing.node();
        } else if (event instanceof ExecutionEvent.Progress progress && !progress.node().isEmpty()) {
            node = progress.node();
        }
    }

    /** The queue reports the prompt running: the clock starts unless it runs already. */
    void seenRunning(long nowNanos) {
        if (!running) {
            running = true;
            lastHeardNanos = nowNanos;
        }
    }

    /** A new socket is open: messages sent while there was none are lost, so the clock starts over. */
    void listeningAgain(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    /** Whether the prompt runs and has been silent for the stall timeout or longer. */
    boolean stalled(long nowNanos) {
        return running && silence(nowNanos).compareTo(timeout) >= 0;
    }

    /** How long since the prompt was last heard, or started being watched as running. */
    Duration silence(long nowNanos) {
        return running ? Duration.ofNanos(nowNanos - lastHeardNanos) : Duration.ZERO;
    }

    /** {@code KSampler (node 3)}, {@code node 3} when the class is unknown, empty when no node was heard. */
    String lastNode() {
        if (node.isEmpty()) {
            return "";
        }
        String classType = nodeClasses.getOrDefault(node, "");
        return classType.isEmpty() ? "node " + node : classType + " (node " + node + ")";
    }
}
