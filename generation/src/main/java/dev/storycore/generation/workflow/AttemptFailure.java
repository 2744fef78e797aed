package dev.storycore.generation.workflow;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.errors.GenerationError;

/** One backend attempt failed; carries the classified error. Internal to the generator. */
final class AttemptFailure extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final transient GenerationError error;

    AttemptFailure(GenerationError error, Throwable cause) {
        super(error.code() + ": " + error.message(), cause);
        this.error = error;
    }

    GenerationError error() {
        return error;
    }
}
