package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAPngKeepingAlpha() throws IOException {
        Path file = dir.resolve("in.png");
        ImageIO.write(TestImages.solid(6, 4, 0x80102030, true), "png", file.toFile());

        var image = ImageFiles.read(file);

        assertThat(image.getWidth()).isEqualTo(6);
        assertThat(image.getRGB(3, 2)).isEqualTo(0x80102030);
    }

    @Test
    void aMissingFileIsNamedInOneLine() {
        Path file = dir.resolve("nope.png");

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(GenerationException.class)
                .hasMessage("image file not found: " + file);
    }

    @Test
    void aFileThatIsNotAnImageIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "not really a png");

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(GenerationException.class)
                .hasMessage("not a readable image (PNG, JPEG, BMP or GIF): " + file);
    }

    @Test
    void aVideoThatIsNotAnMp4IsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("clip.mp4"), "garbage");

        assertThatThrownBy(() -> Mp4Reader.read(file, 5))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("cannot decode video " + file);
    }
}
