package dev.storycore.generation.backend.sim;

/** What the simulator writes for a successful job. Every mode also writes a JSON sidecar. */
public enum OutputMode {
    /**
     * Every frame at the requested size. Slow with the pure-Java encoder (about 15 frames/s at
     * 832×480 on one core); meant for checking a pipeline end to end on a few shots.
     */
    FULL,
    /**
     * The default: an MP4 at preview scale (long side 480) with at most
     * {@link GpuSimulatorConfig#previewFrames()} frames, taken evenly across the clip at a
     * lowered frame rate so the preview lasts as long as the requested clip.
     */
    PREVIEW,
    /** No video at all, only the JSON sidecar: for benchmarks that run hundreds of jobs. */
    NO_VIDEO
}
