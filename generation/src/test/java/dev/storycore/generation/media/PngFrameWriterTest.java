package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFrameWriterTest {

    @TempDir
    Path dir;

    /** A green-screen clip with a red square in the middle, keyed to transparent green. */
    private static FrameSource keyedClip() {
        BufferedImage frame = TestImages.solid(64, 48, 0xff00ff00, false);
        for (int y = 16; y < 32; y++) {
            for (int x = 24; x < 40; x++) {
                frame.setRGB(x, y, 0xffcc1010);
            }
        }
        return AlphaExtractor.extract(FrameSource.of(List.of(frame, frame, frame)),
                AlphaKey.chroma(Color.GREEN, 0.2, 0.1));
    }

    @Test
    void writesNumberedRgbaPngsWithAlphaWhereExpected() throws IOException {
        Path folder = dir.resolve("frames");

        MediaOutput out = PngFrameWriter.write(folder, keyedClip(), 16);

        assertThat(out.files()).containsExactly(folder.resolve("frame_0001.png"),
                folder.resolve("frame_0002.png"), folder.resolve("frame_0003.png"));
        assertThat(out.encoder()).isEqualTo(MediaOutput.Encoder.PNG);
        BufferedImage read = ImageIO.read(out.files().get(1).toFile());
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        assertThat(read.getColorModel().getNumComponents()).isEqualTo(4);
        assertThat(TestImages.alpha(read.getRGB(2, 2))).isZero();
        assertThat(TestImages.alpha(read.getRGB(32, 24))).isEqualTo(255);
        assertThat(read.getRGB(32, 24)).isEqualTo(0xffcc1010);
    }

    @Test
    void opaqueFramesAreWrittenWithAnAlphaChannelAtFullOpacity() throws IOException {
        BufferedImage frame = TestImages.solid(8, 8, 0xff336699, false);

        MediaOutput out = PngFrameWriter.write(dir.resolve("opaque"), FrameSource.of(List.of(frame)), 8);

        BufferedImage read = ImageIO.read(out.primaryFile().toFile());
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        assertThat(read.getRGB(4, 4)).isEqualTo(0xff336699);
    }

    @Test
    void replacesAnExistingFolderCompletely() throws IOException {
        Path folder = dir.resolve("frames");
        PngFrameWriter.write(folder, keyedClip(), 16);
        Files.writeString(folder.resolve("stale.txt"), "old");
        FrameSource one = FrameSource.of(List.of(TestImages.solid(4, 4, 0xff000000, false)));

        PngFrameWriter.write(folder, one, 16);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve("frame_0001.png"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }

    @Test
    void leavesNoFolderWhenAFrameFails() throws IOException {
        Path folder = dir.resolve("frames");
        FrameSource failing = Mp4WriterTest.failingAt(keyedClip(), 1);

        assertThatThrownBy(() -> PngFrameWriter.write(folder, failing, 16))
                .isInstanceOf(IllegalStateException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rejectsAnOutOfRangeFrameRate() {
        assertThatThrownBy(() -> PngFrameWriter.write(dir.resolve("f"), keyedClip(), -1))
                .isInstanceOf(GenerationException.class)
                .hasMessage("fps must be in 1..240, was -1");
    }

    @Test
    void namesFramesFromOneWithFourDigits() {
        assertThat(PngFrameWriter.fileName(0)).isEqualTo("frame_0001.png");
        assertThat(PngFrameWriter.fileName(9999)).isEqualTo("frame_10000.png");
    }
}
