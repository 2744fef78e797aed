package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * H.264 through an external {@code ffmpeg} with libx264: raw RGB frames are piped to its standard
 * input, so nothing but the finished MP4 touches the disk. libx264 with {@code -preset veryfast}
 * is typically tens of times faster than JCodec. Its diagnostics go to a temporary log whose last
 * line becomes the error message. Immutable and thread-safe; each call starts its own process.
 */
final class FfmpegEncoder implements VideoEncoder {

    private final Path executable;

    FfmpegEncoder(Path executable) {
        this.executable = Objects.requireNonNull(executable, "executable");
    }

    /** Finds an executable {@code ffmpeg} (or {@code ffmpeg.exe}) in a {@code PATH}-style list. */
    static Optional<Path> locate(String searchPath) {
        Objects.requireNonNull(searchPath, "searchPath");
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of("ffmpeg", "ffmpeg.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    @Override
    public MediaOutput.Encoder kind() {
        return MediaOutput.Encoder.FFMPEG_H264;
    }

    @Override
    public void encode(Path file, FrameSource frames, EncodePlan plan, int fps) throws IOException {
        Path log = Files.createTempFile("storycore-ffmpeg", ".log");
        Process process = null;
        try {
            process = new ProcessBuilder(command(file, plan, fps))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile())
                    .start();
            boolean piped = pipe(process, frames, plan);
            int exit = process.waitFor();
            if (exit != 0 || !piped) {
                throw new IOException("ffmpeg exited with " + exit + ": " + lastLine(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("interrupted while ffmpeg was encoding " + file.getFileName(), e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private List<String> command(Path file, EncodePlan plan, int fps) {
        return List.of(executable.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", plan.width() + "x" + plan.height(),
                "-r", Integer.toString(fps), "-i", "-",
                "-an", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                "-movflags", "+faststart", "-f", "mp4", file.toString());
    }

    /** Writes all frames; false if ffmpeg closed its input early (its exit code then says why). */
    private static boolean pipe(Process process, FrameSource frames, EncodePlan plan) {
        byte[] buffer = new byte[plan.width() * plan.height() * 3];
        FrameSource scaled = plan.scaled(frames);
        try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < scaled.frameCount(); i++) {
                int[] pixels = plan.rgbPixels(scaled, i);
                for (int p = 0, j = 0; p < pixels.length; p++, j += 3) {
                    buffer[j] = (byte) (pixels[p] >> 16);
                    buffer[j + 1] = (byte) (pixels[p] >> 8);
                    buffer[j + 2] = (byte) pixels[p];
                }
                in.write(buffer);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        return "(no output)";
    }
}
