package dev.storycore.generation.media;

import java.util.Objects;

/**
 * What a text-to-video placeholder shows.
 *
 * @param shotId the shot's id, shown in a corner
 * @param prompt the prompt, word-wrapped in the middle (cut with an ellipsis if it does not fit)
 * @param format the size and length of the clip
 * @param seed   picks the background colours
 */
public record TitleCard(String shotId, String prompt, FrameFormat format, long seed) {

    /** Checks that nothing is null. */
    public TitleCard {
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(format, "format");
    }
}
