package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Writes a clip as numbered RGBA PNG files ({@code frame_0001.png}, {@code frame_0002.png}, …) in a
 * folder: the output for transparent video, since MP4 has no alpha channel.
 *
 * <p>The folder appears complete or not at all: frames are written into a hidden temporary folder
 * beside the target, which is then renamed into place. An existing target folder is renamed aside
 * first and deleted once the new one is in place (restored if that rename fails). On failure the
 * temporary folder is deleted.
 *
 * <p>Every frame is written with an alpha channel, opaque frames with alpha 255. Stateless and
 * thread-safe.
 */
public final class PngFrameWriter {

    private PngFrameWriter() {
    }

    /**
     * Writes every frame of a clip into {@code folder}, replacing the folder if it exists.
     *
     * @param folder the output folder; missing parents are created
     * @param frames the clip
     * @param fps    the frame rate to record in the result (PNG files carry none), 1 to 240
     * @return the PNG files in frame order and the frame size
     * @throws GenerationException if the clip is empty, a frame has the wrong size, {@code fps} is
     *                             out of range, the files cannot be written, or the thread is
     *                             interrupted (the flag stays set); exceptions from the frame
     *                             source propagate unchanged
     */
    public static MediaOutput write(Path folder, FrameSource frames, int fps) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(frames, "frames");
        MediaChecks.fps(fps);
        Mp4Writer.checkClip(frames);
        Path temp = null;
        try {
            temp = AtomicFiles.tempDirFor(folder);
            List<String> names = writeFrames(temp, frames);
            AtomicFiles.replaceDirectory(temp, folder);
            temp = null;
            List<Path> files = new ArrayList<>(names.size());
            for (String name : names) {
                files.add(folder.resolve(name));
            }
            return new MediaOutput(files, frames.width(), frames.height(), frames.frameCount(), fps,
                    false, 1.0, MediaOutput.Encoder.PNG);
        } catch (ClosedByInterruptException | InterruptedIOException e) {
            throw new GenerationException("interrupted while writing " + folder, e);
        } catch (IOException e) {
            throw new GenerationException(
                    "cannot write PNG frames to " + folder + ": " + Mp4Writer.describe(e), e);
        } finally {
            if (temp != null) {
                AtomicFiles.deleteQuietly(temp);
            }
        }
    }

    /**
     * The file name of a frame.
     *
     * @param index 0-based frame index
     * @return {@code frame_0001.png} for index 0; more digits past 9999 frames
     */
    public static String fileName(int index) {
        return String.format("frame_%04d.png", index + 1);
    }

    private static List<String> writeFrames(Path dir, FrameSource frames) throws IOException {
        List<String> names = new ArrayList<>(frames.frameCount());
        for (int i = 0; i < frames.frameCount(); i++) {
            MediaChecks.notInterrupted("PNG frame " + i);
            BufferedImage frame = MediaChecks.frame(frames.frame(i), i, frames.width(), frames.height());
            String name = fileName(i);
            BufferedImage argb = frame.getType() == BufferedImage.TYPE_INT_ARGB ? frame : Images.toArgb(frame);
            if (!ImageIO.write(argb, "png", dir.resolve(name).toFile())) {
                throw new IOException("no PNG writer available");
            }
            names.add(name);
        }
        return names;
    }
}
