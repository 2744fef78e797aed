package dev.storycore.generation.model;

/** The model families StoryCore knows how to drive. */
public enum ModelFamily {
    /** Tencent HunyuanVideo (T2V and I2V, 13B). */
    HUNYUAN,
    /** Wan 2.1 and Wan 2.2 (1.3B, 5B, 14B, A14B mixture of experts), including Wan-Alpha. */
    WAN
}
