/**
 * StoryCore generation: error intelligence and resilient execution for HunyuanVideo and Wan.
 */
module dev.storycore.generation {
    requires transitive dev.storycore.resilience;
    requires com.fasterxml.jackson.databind;

    exports dev.storycore.generation;
    exports dev.storycore.generation.errors;
    exports dev.storycore.generation.model;
    exports dev.storycore.generation.hardware;
    exports dev.storycore.generation.request;
    exports dev.storycore.generation.memory;
    exports dev.storycore.generation.recovery;
}
