package dev.storycore.generation.workflow;

import dev.storycore.generation.GenerationException;

/** A tier could not run or gave up; the fallback chain moves on to the next. Internal. */
final class TierSkipped extends GenerationException {

    private static final long serialVersionUID = 1L;

    TierSkipped(String reason) {
        super(reason);
    }

    TierSkipped(String reason, Throwable cause) {
        super(reason, cause);
    }
}
