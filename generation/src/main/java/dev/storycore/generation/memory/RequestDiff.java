package dev.storycore.generation.memory;

import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;

/** Says in words what changed between two requests, for plan steps. */
final class RequestDiff {

    private RequestDiff() {
    }

    static String describe(GenerationRequest before, GenerationRequest after) {
        var changes = new ArrayList<String>();
        if (!before.modelId().equals(after.modelId())) {
            changes.add("model " + before.modelId() + " -> " + after.modelId());
        }
        if (before.vaeTiling() != after.vaeTiling() || before.vaeTileSize() != after.vaeTileSize()) {
            changes.add(after.vaeTiling() ? "VAE decodes in " + after.vaeTileSize() + "-pixel tiles" : "VAE untiled");
        }
        if (before.textEncoderOnCpu() != after.textEncoderOnCpu()) {
            changes.add("text encoder on " + (after.textEncoderOnCpu() ? "CPU" : "GPU"));
        }
        if (before.precision() != after.precision()) {
            changes.add("precision " + before.precision() + " -> " + after.precision());
        }
        if (before.offload() != after.offload()) {
            changes.add("offload " + before.offload() + " -> " + after.offload());
        }
        if (before.frames() != after.frames()) {
            changes.add("frames " + before.frames() + " -> " + after.frames());
        }
        if (before.width() != after.width() || before.height() != after.height()) {
            changes.add("size " + before.size() + " -> " + after.size());
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }
}
