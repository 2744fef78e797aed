package dev.storycore.generation.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a writer put on disk.
 *
 * @param files   the files written, in order: one MP4, or one PNG per frame
 * @param width   the width of the written frames in pixels (after preview scaling and even padding)
 * @param height  the height of the written frames in pixels
 * @param frames  the number of frames written
 * @param fps     frames per second
 * @param preview true when the frames were written smaller than they were rendered, to save time;
 *                such output is a preview, not the requested size
 * @param scale   written size ÷ rendered size, 1.0 unless {@code preview}
 * @param encoder what wrote the files
 */
public record MediaOutput(
        List<Path> files,
        int width,
        int height,
        int frames,
        int fps,
        boolean preview,
        double scale,
        Encoder encoder) {

    /** What wrote the files. */
    public enum Encoder {
        /** H.264 in MP4, encoded in pure Java by JCodec. */
        JCODEC_H264,
        /** H.264 in MP4, encoded by an external {@code ffmpeg} with libx264. */
        FFMPEG_H264,
        /** One RGBA PNG per frame, written by ImageIO. */
        PNG
    }

    /** Copies the file list and checks that nothing is null. */
    public MediaOutput {
        files = List.copyOf(files);
        Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * The first file written: the MP4 for video, the first frame for PNG sequences.
     *
     * @return the file
     */
    public Path primaryFile() {
        return files.get(0);
    }
}
