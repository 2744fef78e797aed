package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the ffmpeg path with stand-in shell scripts, so no real ffmpeg is needed. */
class FfmpegEncoderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void needsAPosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    private Path script(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static FrameSource clip() {
        return SimulatedFrameRenderer.of(new SimulatedScene("p", "", FrameFormat.of(64, 48, 3), 1));
    }

    @Test
    void locateFindsAnExecutableFfmpegOnTheSearchPath() throws IOException {
        Path ffmpeg = script("ffmpeg", "exit 0");

        assertThat(FfmpegEncoder.locate("/nonexistent" + File.pathSeparator + ffmpeg.getParent()))
                .contains(ffmpeg);
    }

    @Test
    void locateFindsNothingWhenNoFolderHasFfmpeg() {
        assertThat(FfmpegEncoder.locate(dir + File.pathSeparator + File.pathSeparator + "/nonexistent"))
                .isEmpty();
    }

    @Test
    void pipesRawRgbFramesToFfmpegAndMovesItsOutputIntoPlace() throws IOException {
        // Stands in for ffmpeg: copies standard input to the last argument, the output file.
        Path ffmpeg = script("ffmpeg", "for last; do :; done; cat > \"$last\"");
        Path target = dir.resolve("clip.mp4");

        MediaOutput out = Mp4Writer.withFfmpeg(ffmpeg).write(target, clip(), VideoOptions.full(16));

        assertThat(out.encoder()).isEqualTo(MediaOutput.Encoder.FFMPEG_H264);
        assertThat(Files.size(target)).isEqualTo(64L * 48 * 3 * 3);
        byte[] raw = Files.readAllBytes(target);
        int first = clip().frame(0).getRGB(0, 0);
        assertThat(raw[0] & 0xff).isEqualTo(TestImages.red(first));
        assertThat(raw[1] & 0xff).isEqualTo(TestImages.green(first));
        assertThat(raw[2] & 0xff).isEqualTo(TestImages.blue(first));
    }

    @Test
    void fallsBackToJcodecWhenFfmpegFails() throws IOException {
        Path ffmpeg = script("ffmpeg", "cat > /dev/null; echo 'Unknown encoder libx264' >&2; exit 1");
        Path target = dir.resolve("clip.mp4");
        Mp4Writer writer = Mp4Writer.withFfmpeg(ffmpeg);

        MediaOutput out = writer.write(target, clip(), VideoOptions.full(16));

        assertThat(writer.usesFfmpeg()).isTrue();
        assertThat(out.encoder()).isEqualTo(MediaOutput.Encoder.JCODEC_H264);
        assertThat(Mp4Reader.read(target, 10).frameCount()).isEqualTo(3);
    }

    @Test
    void pureJavaWriterDoesNotUseFfmpeg() {
        assertThat(Mp4Writer.pureJava().usesFfmpeg()).isFalse();
    }
}
