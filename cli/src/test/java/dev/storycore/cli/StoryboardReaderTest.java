package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryboardReaderTest {

    static final Path EXAMPLE = Path.of("..", "examples", "storyboard.json");

    @TempDir
    Path dir;

    @Test
    void theExampleHasADozenShotsOfEveryWorkflowAndBothFamilies() {
        Storyboard board = StoryboardReader.read(EXAMPLE, ModelRegistry.builtIn());

        assertThat(board.name()).isEqualTo("harbour-morning");
        assertThat(board.shots()).hasSize(12);
        Set<Workflow> workflows = board.shots().stream().map(s -> s.request().workflow()).collect(Collectors.toSet());
        assertThat(workflows).contains(Workflow.TEXT_TO_VIDEO, Workflow.IMAGE_TO_VIDEO, Workflow.UPSCALE,
                Workflow.TRANSPARENT_VIDEO, Workflow.INPAINT);
        assertThat(board.shots()).extracting(s -> board.models().require(s.request().modelId()).family())
                .containsAll(Set.of(dev.storycore.generation.model.ModelFamily.HUNYUAN,
                        dev.storycore.generation.model.ModelFamily.WAN));
        var fisherman = board.shots().stream().filter(s -> s.id().equals("fisherman")).findFirst().orElseThrow();
        assertThat(Path.of(fisherman.request().inputImage())).isAbsolute().exists();
        assertThat(fisherman.request().negativePrompt()).contains("blurry");
        assertThat(fisherman.request().seed()).isEqualTo(1207);
    }

    @Test
    void leftOutFieldsComeFromTheModelAndTheSeedFromTheId() throws IOException {
        Path file = write("""
                {"shots": [{"id": "a", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "fox"}]}""");

        var request = StoryboardReader.read(file, ModelRegistry.builtIn()).shots().get(0).request();

        assertThat(request.size().toString()).isEqualTo("832x480");
        assertThat(request.frames()).isEqualTo(81);
        assertThat(request.steps()).isEqualTo(50);
        assertThat(request.seed()).isEqualTo(Integer.toUnsignedLong("a".hashCode()));
    }

    @Test
    void invalidJsonNamesTheLine() throws IOException {
        Path file = write("{\"shots\": [\n  {\"id\": \"a\",,}\n]}");

        assertThatThrownBy(() -> StoryboardReader.read(file, ModelRegistry.builtIn()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("board.json: invalid JSON at line 2");
    }

    @Test
    void aShotWithoutIdIsNamedByItsPosition() throws IOException {
        Path file = write("""
                {"shots": [{"id": "a", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "x"},
                           {"workflow": "t2v"}]}""");

        assertThatThrownBy(() -> StoryboardReader.read(file, ModelRegistry.builtIn()))
                .hasMessage("board.json: shot #2: missing \"id\"");
    }

    @Test
    void duplicateIdsAndUnknownFieldsAreRejected() throws IOException {
        Path twice = write("""
                {"shots": [{"id": "a", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "x"},
                           {"id": "a", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "y"}]}""");
        assertThatThrownBy(() -> StoryboardReader.read(twice, ModelRegistry.builtIn()))
                .hasMessage("board.json: shot 'a': duplicate id");

        Path typo = write("""
                {"shots": [{"id": "a", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "frmaes": 33}]}""");
        assertThatThrownBy(() -> StoryboardReader.read(typo, ModelRegistry.builtIn()))
                .hasMessage("board.json: shot 'a': unknown field \"frmaes\"");
    }

    @Test
    void theStoryboardsOwnModelsFileAddsModels() throws IOException {
        Files.copy(EXAMPLE.resolveSibling("models.json"), dir.resolve("models.json"));
        Files.copy(EXAMPLE.resolveSibling("harbour.mp4"), dir.resolve("clip.mp4"));
        Path file = write("""
                {"models": "models.json", "shots": [{"id": "up", "workflow": "upscale",
                 "model": "wan2.1-upscale-1.3b", "video": "clip.mp4", "size": "1280x720", "frames": 17}]}""");

        var request = StoryboardReader.read(file, ModelRegistry.builtIn()).shots().get(0).request();

        assertThat(request.workflow()).isEqualTo(Workflow.UPSCALE);
        assertThat(request.sourceVideo()).endsWith("clip.mp4");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("board.json"), json);
    }
}
