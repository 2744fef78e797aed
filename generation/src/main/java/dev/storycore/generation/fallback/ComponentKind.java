package dev.storycore.generation.fallback;

import java.util.Locale;

/** What a diffusers component folder should hold, judged from its class or its name. */
enum ComponentKind {
    /** Weights and {@code config.json}: transformer, vae, text and image encoders. */
    MODEL,
    /** Tokenizer files, no weights. */
    TOKENIZER,
    /** {@code scheduler_config.json}, no weights. */
    SCHEDULER,
    /** {@code preprocessor_config.json}: image processors and feature extractors, no weights. */
    PROCESSOR;

    static ComponentKind of(String name, String className) {
        String probe = (className.isEmpty() ? name : className).toLowerCase(Locale.ROOT);
        if (probe.contains("scheduler")) {
            return SCHEDULER;
        }
        if (probe.contains("tokenizer")) {
            return TOKENIZER;
        }
        if (probe.contains("processor") || probe.contains("feature_extractor") || probe.contains("featureextractor")) {
            return PROCESSOR;
        }
        return MODEL;
    }
}
