package dev.storycore.generation.model;

/**
 * What a generation job makes. A model lists the workflows it supports; a request names one.
 */
public enum Workflow {
    /** A video from a text prompt. */
    TEXT_TO_VIDEO,
    /** A video that starts from an input image; the prompt is optional. */
    IMAGE_TO_VIDEO,
    /** A video from a prompt and an input image together (Wan2.2 TI2V). */
    TEXT_IMAGE_TO_VIDEO,
    /** A larger or sharper copy of a source video. */
    UPSCALE,
    /** A video with an alpha channel (Wan-Alpha). */
    TRANSPARENT_VIDEO,
    /** A source video repainted inside a mask (VACE). */
    INPAINT
}
