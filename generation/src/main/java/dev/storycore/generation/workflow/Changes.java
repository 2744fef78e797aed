package dev.storycore.generation.workflow;

import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;

/** Says in words which parameters differ between two requests, for warnings. */
final class Changes {

    private Changes() {
    }

    /**
     * The differences, e.g. {@code size 1280x720 -> 832x480, frames 129 -> 97}; empty when none.
     * Input files and prompts never change, so they are not compared.
     */
    static String describe(GenerationRequest before, GenerationRequest after) {
        List<String> changes = new ArrayList<>();
        add(changes, "model", before.modelId(), after.modelId());
        if (before.width() != after.width() || before.height() != after.height()) {
            changes.add("size " + before.width() + "x" + before.height() + " -> " + after.width() + "x" + after.height());
        }
        add(changes, "frames", before.frames(), after.frames());
        add(changes, "steps", before.steps(), after.steps());
        add(changes, "cfg", before.cfg(), after.cfg());
        add(changes, "fps", before.fps(), after.fps());
        add(changes, "seed", before.seed(), after.seed());
        add(changes, "batch", before.batchSize(), after.batchSize());
        add(changes, "precision", before.precision(), after.precision());
        add(changes, "offload", before.offload(), after.offload());
        if (before.vaeTiling() != after.vaeTiling() || before.vaeTileSize() != after.vaeTileSize()) {
            changes.add(after.vaeTiling() ? "VAE tiling " + after.vaeTileSize() + " px" : "VAE tiling off");
        }
        if (before.textEncoderOnCpu() != after.textEncoderOnCpu()) {
            changes.add("text encoder on " + (after.textEncoderOnCpu() ? "CPU" : "GPU"));
        }
        if (before.workflow() != after.workflow()) {
            changes.add("workflow " + before.workflow() + " -> " + after.workflow());
        }
        return String.join(", ", changes);
    }

    private static void add(List<String> changes, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(field + " " + before + " -> " + after);
        }
    }
}
