package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4WriterTest {

    @TempDir
    Path dir;

    private final Mp4Writer writer = Mp4Writer.pureJava();

    private static FrameSource title(int width, int height, int frames) {
        return TitleCardRenderer.of(new TitleCard("s1", "a lighthouse in a storm",
                FrameFormat.of(width, height, frames), 7));
    }

    @Test
    void writesMp4WithFtypAndMoovThatDecodesToEveryFrame() throws IOException {
        Path target = dir.resolve("clip.mp4");

        MediaOutput out = writer.write(target, title(64, 48, 8), VideoOptions.full(16));

        assertThat(out.files()).containsExactly(target);
        assertThat(out).extracting(MediaOutput::width, MediaOutput::height, MediaOutput::frames,
                MediaOutput::fps, MediaOutput::preview, MediaOutput::encoder)
                .containsExactly(64, 48, 8, 16, false, MediaOutput.Encoder.JCODEC_H264);
        assertThat(TestImages.topLevelBoxes(target)).startsWith("ftyp").contains("moov", "mdat");
        FrameSource decoded = Mp4Reader.read(target, 100);
        assertThat(decoded.frameCount()).isEqualTo(8);
        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(48);
    }

    @Test
    void decodedFramesKeepTheirColours() {
        Path target = dir.resolve("red.mp4");
        BufferedImage red = TestImages.solid(32, 32, 0xffd02020, false);

        writer.write(target, FrameSource.of(List.of(red, red, red)), VideoOptions.full(8));

        int centre = Mp4Reader.read(target, 1).frame(0).getRGB(16, 16);
        assertThat(TestImages.red(centre)).isBetween(0xd0 - 20, 0xd0 + 20);
        assertThat(TestImages.green(centre)).isBetween(0x20 - 20, 0x20 + 20);
        assertThat(TestImages.blue(centre)).isBetween(0x20 - 20, 0x20 + 20);
    }

    @Test
    void encodesAModerateClipAtFullSize() {
        Path target = dir.resolve("moderate.mp4");
        FrameSource frames = SimulatedFrameRenderer.of(new SimulatedScene("a red kite over hills", "sim",
                FrameFormat.of(320, 240, 24), 3));

        MediaOutput out = writer.write(target, frames, VideoOptions.full(24));

        FrameSource decoded = Mp4Reader.read(target, 100);
        assertThat(decoded.frameCount()).isEqualTo(24);
        assertThat(out.width()).isEqualTo(320);
        assertThat(decoded.frame(23).getWidth()).isEqualTo(320);
        assertThat(TestImages.countDifferent(decoded.frame(0), decoded.frame(23))).isPositive();
    }

    @Test
    void padsOddSidesToEvenByOnePixel() {
        MediaOutput out = writer.write(dir.resolve("odd.mp4"), title(63, 47, 2), VideoOptions.full(8));

        assertThat(out.width()).isEqualTo(64);
        assertThat(out.height()).isEqualTo(48);
        assertThat(Mp4Reader.read(out.primaryFile(), 10).width()).isEqualTo(64);
    }

    @Test
    void previewScalesTheLongSideDownAndSaysSo() {
        MediaOutput out = writer.write(dir.resolve("preview.mp4"), title(256, 144, 3),
                VideoOptions.preview(16, 128));

        assertThat(out.preview()).isTrue();
        assertThat(out.scale()).isEqualTo(0.5);
        assertThat(out.width()).isEqualTo(128);
        assertThat(out.height()).isEqualTo(72);
        FrameSource decoded = Mp4Reader.read(out.primaryFile(), 10);
        assertThat(decoded.width()).isEqualTo(128);
        assertThat(decoded.height()).isEqualTo(72);
    }

    @Test
    void previewOfASmallClipIsWrittenAtFullSizeAndNotMarkedPreview() {
        MediaOutput out = writer.write(dir.resolve("small.mp4"), title(64, 48, 2), VideoOptions.preview(16));

        assertThat(out.preview()).isFalse();
        assertThat(out.scale()).isEqualTo(1.0);
        assertThat(out.width()).isEqualTo(64);
    }

    @Test
    void previewOfAPlainFrameListIsResampled() {
        BufferedImage frame = TestImages.solid(200, 100, 0xff3060a0, false);

        MediaOutput out = writer.write(dir.resolve("list.mp4"), FrameSource.of(List.of(frame, frame)),
                VideoOptions.preview(8, 50));

        assertThat(out.width()).isEqualTo(50);
        assertThat(out.height()).isEqualTo(26);
        assertThat(out.preview()).isTrue();
    }

    @Test
    void leavesNoFileWhenTheFrameSourceFailsMidway() throws IOException {
        Path target = dir.resolve("broken.mp4");
        FrameSource failing = failingAt(title(64, 48, 8), 5);

        assertThatThrownBy(() -> writer.write(target, failing, VideoOptions.full(16)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frame 5");

        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void keepsTheOldFileWhenRewritingFails() throws IOException {
        Path target = dir.resolve("kept.mp4");
        writer.write(target, title(64, 48, 2), VideoOptions.full(16));
        byte[] before = Files.readAllBytes(target);

        assertThatThrownBy(() -> writer.write(target, failingAt(title(64, 48, 4), 2),
                VideoOptions.full(16))).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void stopsWhenInterruptedMidwayKeepsTheFlagAndLeavesNoFile() throws IOException {
        Path target = dir.resolve("interrupted.mp4");
        FrameSource interrupting = interruptingAt(title(64, 48, 6), 2);
        try {
            assertThatThrownBy(() -> writer.write(target, interrupting, VideoOptions.full(16)))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageStartingWith("interrupted while writing ");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writesAStillImageHeldForSeveralFrames() {
        FrameSource still = FrameSource.still(TestImages.solid(32, 16, 0xff204060, false), 5);

        MediaOutput out = writer.write(dir.resolve("still.mp4"), still, VideoOptions.full(8));

        assertThat(out.frames()).isEqualTo(5);
        assertThat(Mp4Reader.read(out.primaryFile(), 10).frameCount()).isEqualTo(5);
    }

    @Test
    void rejectsAFrameOfTheWrongSize() {
        FrameSource lying = new FrameSource() {
            @Override
            public int width() {
                return 64;
            }

            @Override
            public int height() {
                return 48;
            }

            @Override
            public int frameCount() {
                return 2;
            }

            @Override
            public BufferedImage frame(int index) {
                return TestImages.solid(index == 0 ? 64 : 32, 48, 0xff000000, false);
            }
        };

        assertThatThrownBy(() -> writer.write(dir.resolve("x.mp4"), lying, VideoOptions.full(16)))
                .isInstanceOf(GenerationException.class)
                .hasMessage("frame 1 is 32x48, expected 64x48");
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void rejectsAnEmptyFrameList() {
        assertThatThrownBy(() -> FrameSource.of(List.of()))
                .isInstanceOf(GenerationException.class)
                .hasMessage("no frames to write");
    }

    @Test
    void rejectsAnOutOfRangeFrameRate() {
        assertThatThrownBy(() -> VideoOptions.full(0))
                .isInstanceOf(GenerationException.class)
                .hasMessage("fps must be in 1..240, was 0");
    }

    @Test
    void createsMissingParentFolders() {
        Path target = dir.resolve("a/b/clip.mp4");

        writer.write(target, title(32, 32, 1), VideoOptions.full(16));

        assertThat(target).isRegularFile();
    }

    /** The source, interrupting the calling thread once frame {@code interruptAt} is rendered. */
    static FrameSource interruptingAt(FrameSource source, int interruptAt) {
        return source.onEachFrame(index -> {
            if (index == interruptAt) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The source, throwing once frame {@code failAt} is rendered. */
    static FrameSource failingAt(FrameSource source, int failAt) {
        return source.onEachFrame(index -> {
            if (index == failAt) {
                throw new IllegalStateException("renderer broke at frame " + index);
            }
        });
    }
}
