package dev.storycore.generation.media;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the frames of a plan as H.264 MP4 into a file (a temporary one; the writer renames it). */
interface VideoEncoder {

    MediaOutput.Encoder kind();

    /**
     * Encodes every frame into {@code file}, replacing its content.
     *
     * @throws IOException if the encoder itself fails; failures of the frame source propagate as
     *                     they are, so the writer can tell the two apart
     */
    void encode(Path file, FrameSource frames, EncodePlan plan, int fps) throws IOException;
}
