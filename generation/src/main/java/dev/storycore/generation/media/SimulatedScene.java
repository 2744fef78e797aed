package dev.storycore.generation.media;

import java.util.Objects;

/**
 * What the GPU simulator's frames show.
 *
 * @param prompt the prompt, drawn small along the bottom edge
 * @param label  a short caption for the top-left corner, e.g. the model name; may be empty
 * @param format the size and length of the clip
 * @param seed   picks the colours, shapes and their motion
 */
public record SimulatedScene(String prompt, String label, FrameFormat format, long seed) {

    /** Checks that nothing is null. */
    public SimulatedScene {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(format, "format");
    }
}
