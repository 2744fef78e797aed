package dev.storycore.generation.workflow;

import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.resilience.Jitter;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.nio.file.Path;

/** Requests and generators for the tests. */
final class Shots {

    private Shots() {
    }

    /** Wan2.1 T2V-1.3B at its native 832x480x81: fits a 16 GB GPU as is. */
    static GenerationRequest small() {
        return GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("a red fox in snow")
                .size(832, 480).frames(81).steps(30).seed(7).build();
    }

    /** Wan2.1 T2V-14B at 1280x720x81: far too large for 16 GB without changes. */
    static GenerationRequest large() {
        return GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-14b").prompt("a city at night")
                .size(1280, 720).frames(81).steps(30).seed(7).build();
    }

    static ShotRequest shot(String id, GenerationRequest request) {
        return new ShotRequest(id, request, Path.of("out", id));
    }

    static GeneratorConfig config(FakeClock clock, RecordingSleeper sleeper) {
        return GeneratorConfig.builder("test").clock(clock).sleeper(sleeper).jitter(Jitter.NONE)
                .adaptiveQuality(false).build();
    }
}
