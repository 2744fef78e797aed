/**
 * StoryCore generation: error intelligence and resilient execution for HunyuanVideo and Wan.
 */
module dev.storycore.generation {
    requires transitive dev.storycore.resilience;
    requires com.fasterxml.jackson.databind;
    // BufferedImage appears in the media API, so readers of this module need java.desktop too.
    requires transitive java.desktop;
    // JCodec 0.2.5 has no module descriptor; "jcodec" is the automatic name its jar file gives it.
    requires jcodec;

    exports dev.storycore.generation;
    exports dev.storycore.generation.errors;
    exports dev.storycore.generation.fallback;
    exports dev.storycore.generation.media;
    exports dev.storycore.generation.model;
    exports dev.storycore.generation.hardware;
    exports dev.storycore.generation.request;
    exports dev.storycore.generation.memory;
    exports dev.storycore.generation.recovery;
    exports dev.storycore.generation.backend;
    exports dev.storycore.generation.backend.sim;
    exports dev.storycore.generation.backend.cpu;
    exports dev.storycore.generation.workflow;
}
