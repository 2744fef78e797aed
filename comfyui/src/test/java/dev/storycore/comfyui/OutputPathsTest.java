package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutputPathsTest {

    @TempDir
    Path folder;

    private static OutputFile file(String subfolder, String name) {
        return new OutputFile(name, subfolder, FolderType.OUTPUT, "images");
    }

    @Test
    void keepsTheSubfolderInsideTheFolder() throws Exception {
        Path target = OutputPaths.resolve(folder, file("video/shot1", "ComfyUI_00001_.mp4"));

        assertThat(target).isEqualTo(folder.toAbsolutePath().resolve("video/shot1/ComfyUI_00001_.mp4"));
        assertThat(target.getParent()).isDirectory();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|../escape.webp", "|..", "|.", "|a/b.webp", "|a\\b.webp", "|/etc/passwd", "|C:evil.webp",
            "|''", "..|x.webp", "a/../..|x.webp", "/abs|x.webp", "\\\\server\\share|x.webp"})
    void refusesNamesThatLeadOutside(String subfolder, String name) {
        OutputFile file = file(subfolder == null ? "" : subfolder, name == null ? "" : name);

        assertThatThrownBy(() -> OutputPaths.resolve(folder, file))
                .isInstanceOf(ComfyUiProtocolException.class)
                .hasMessageContaining("refusing unsafe output file name");
    }

    @Test
    void refusesASubfolderThatIsALinkToElsewhere(@TempDir Path elsewhere) throws Exception {
        Files.createSymbolicLink(folder.resolve("video"), elsewhere);

        assertThatThrownBy(() -> OutputPaths.resolve(folder, file("video", "x.webp")))
                .isInstanceOf(ComfyUiProtocolException.class);
    }
}
