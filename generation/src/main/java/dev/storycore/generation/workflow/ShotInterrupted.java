package dev.storycore.generation.workflow;

import dev.storycore.generation.GenerationException;

/** The run was cancelled; no tier may run any more. Internal; never falls through the chain. */
final class ShotInterrupted extends GenerationException {

    private static final long serialVersionUID = 1L;

    ShotInterrupted(String reason) {
        super(reason);
    }
}
