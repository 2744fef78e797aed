package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Runs queued prompts one at a time, sending ComfyUI's messages in ComfyUI's order:
 * {@code execution_start}, {@code execution_cached}, per node {@code executing} (samplers add
 * {@code progress} per step and a binary preview; output nodes add {@code executed}), then
 * {@code execution_success}, the history entry, and {@code executing} with a null node. Faults
 * replace parts of that sequence. Runs on its own thread.
 */
final class FakeWorker implements Runnable {

    private static final String OOM_MESSAGE = "CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total "
            + "capacity of 23.99 GiB of which 1.12 GiB is free. Of the allocated memory 21.30 GiB is allocated by "
            + "PyTorch, and 350.00 MiB is reserved by PyTorch but unallocated.\nThis error means you ran out of memory "
            + "on your GPU.\n\nTIPS: If the workflow worked before you might have accidentally set the batch_size to a "
            + "large number.";

    private final FakeComfyUi server;
    private final FakeQueue queue;
    private volatile String lastNode;

    FakeWorker(FakeComfyUi server, FakeQueue queue) {
        this.server = server;
        this.queue = queue;
    }

    /** The node running now, for the {@code executing} message a reconnecting client gets. */
    String lastNode() {
        return lastNode;
    }

    @Override
    public void run() {
        try {
            while (!server.isStopped()) {
                FakeJob job = queue.takeNext();
                awaitAnswer(job);
                server.sockets().broadcastStatus();
                execute(job);
                lastNode = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A real server may start before its answer is out; waiting keeps a dying server's answer whole. */
    private static void awaitAnswer(FakeJob job) throws InterruptedException {
        try {
            job.answered.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(FakeJob job) {
        record(job, "execution_start", data(job));
        record(job, "execution_cached", data(job).set("nodes", server.json().createArrayNode()));
        List<String> executed = new ArrayList<>();
        ObjectNode outputs = server.json().createObjectNode();
        for (Map.Entry<String, JsonNode> node : job.prompt.properties()) {
            String id = node.getKey();
            String classType = node.getValue().path("class_type").asText();
            if (job.interruptRequested) {
                interrupted(job, id, classType, executed);
                return;
            }
            lastNode = id;
            send(job, "executing", data(job).put("node", id).put("display_node", id));
            if (isSampler(classType) && !runSampler(job, id, node.getValue(), executed)) {
                return;
            }
            if (server.objectInfo().path(classType).path("output_node").asBoolean(false)) {
                ObjectNode output = server.newOutput(node.getValue());
                send(job, "executed", data(job).put("node", id).put("display_node", id).set("output", output));
                outputs.set(id, output);
            }
            executed.add(id);
        }
        record(job, "execution_success", data(job));
        finish(job, "success", true, outputs);
    }

    /** The nodes that run sampling steps; KSamplerSelect only picks an algorithm. */
    private static boolean isSampler(String classType) {
        return classType.equals("KSampler") || classType.equals("KSamplerAdvanced")
                || classType.startsWith("SamplerCustom");
    }

    /** Sends the steps; false when the job ended here (error, interrupt, death). */
    private boolean runSampler(FakeJob job, String id, JsonNode node, List<String> executed) {
        if (job.has(Fault.OOM)) {
            ObjectNode error = data(job).put("node_id", id).put("node_type", node.path("class_type").asText());
            error.set("executed", strings(executed));
            error.put("exception_message", OOM_MESSAGE).put("exception_type", "torch.OutOfMemoryError");
            error.set("traceback", strings(List.of("  File \"execution.py\", line 496, in execute\n")));
            error.set("current_inputs", currentInputs(node));
            error.set("current_outputs", strings(executed));
            record(job, "execution_error", error);
            finish(job, "error", false, server.json().createObjectNode());
            return false;
        }
        int steps = Math.max(1, Math.min(50, node.path("inputs").path("steps").asInt(3)));
        for (int step = 1; step <= steps; step++) {
            if (step > 1 && job.has(Fault.STEPWISE) && !awaitStep(job)) {
                interrupted(job, id, node.path("class_type").asText(), executed);
                return false;
            }
            send(job, "progress", data(job).put("value", step).put("max", steps).put("node", id));
            if (step == 1 && !afterFirstStep(job, id, node, executed)) {
                return false;
            }
        }
        return true;
    }

    private boolean afterFirstStep(FakeJob job, String id, JsonNode node, List<String> executed) {
        if (!job.has(Fault.SILENT)) {
            server.sockets().sendPreview(job.clientId);
        }
        if (job.has(Fault.DROP_SOCKET)) {
            server.sockets().drop(job.clientId);
        }
        if (job.has(Fault.DIE)) {
            server.stop();
            return false;
        }
        if (job.has(Fault.HOLD) && awaitGate(job)) {
            interrupted(job, id, node.path("class_type").asText(), executed);
            return false;
        }
        return !server.isStopped();
    }

    /** Waits for the test's permit; false when the job was interrupted meanwhile. */
    private static boolean awaitStep(FakeJob job) {
        try {
            job.steps.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !job.gate.getNow(false);
    }

    private boolean awaitGate(FakeJob job) {
        try {
            return job.gate.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void interrupted(FakeJob job, String id, String classType, List<String> executed) {
        ObjectNode data = data(job).put("node_id", id).put("node_type", classType);
        data.set("executed", strings(executed));
        job.statusMessages.add(pair("execution_interrupted", data));
        server.sockets().broadcast("execution_interrupted", data);
        finish(job, "error", false, server.json().createObjectNode());
    }

    private void finish(FakeJob job, String status, boolean completed, ObjectNode outputs) {
        if (server.isStopped()) {
            return;
        }
        queue.finish(job, () -> server.recordHistory(job, status, completed, outputs));
        lastNode = null;
        ObjectNode done = server.json().createObjectNode();
        done.putNull("node");
        done.put("prompt_id", job.promptId);
        send(job, "executing", done);
        server.sockets().broadcastStatus();
    }

    private void record(FakeJob job, String type, ObjectNode data) {
        job.statusMessages.add(pair(type, data));
        send(job, type, data);
    }

    private void send(FakeJob job, String type, ObjectNode data) {
        if (!job.has(Fault.SILENT)) {
            server.sockets().sendTo(job.clientId, type, data);
        }
    }

    private ObjectNode data(FakeJob job) {
        return server.json().createObjectNode().put("prompt_id", job.promptId).put("timestamp", server.nowMillis());
    }

    private ArrayNode pair(String type, ObjectNode data) {
        return server.json().createArrayNode().add(type).add(data);
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = server.json().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private ObjectNode currentInputs(JsonNode node) {
        ObjectNode inputs = server.json().createObjectNode();
        node.path("inputs").properties().forEach(input -> {
            if (!input.getValue().isArray()) {
                inputs.putArray(input.getKey()).add(input.getValue());
            }
        });
        return inputs;
    }
}
