package dev.storycore.generation.fallback;

import java.util.Objects;

/**
 * A component a pipeline needs, and why.
 *
 * @param name   the component and its subfolder, e.g. {@code text_encoder_2}
 * @param reason why it is needed, e.g. {@code HunyuanVideoPipeline needs it}
 */
public record RequiredComponent(String name, String reason) {

    /** Checks that nothing is null. */
    public RequiredComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
