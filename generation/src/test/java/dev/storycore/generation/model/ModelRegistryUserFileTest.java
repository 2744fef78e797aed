package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryUserFileTest {

    private static final String MINIMAL = """
            {"models": [{"id": "ltx-lite", "family": "wan", "workflows": ["text-to-video"],
                         "parametersBillions": 2.0, "nativeSizes": ["768x512"]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void addsUserModelsWithDefaultsForWhatTheyOmit() throws IOException {
        ModelRegistry registry = ModelRegistry.builtIn().withModelsFrom(write("models.json", MINIMAL));
        ModelSpec added = registry.require("ltx-lite");
        assertThat(added.workflows()).containsExactly(Workflow.TEXT_TO_VIDEO);
        assertThat(added.nativeSizes()).containsExactly(new FrameSize(768, 512));
        assertThat(added.fps()).isEqualTo(16);
        assertThat(added.memory()).isEqualTo(MemoryProfile.CONSERVATIVE);
        assertThat(registry.all()).hasSize(ModelRegistry.builtIn().all().size() + 1);
    }

    @Test
    void aUserModelWithABuiltInIdReplacesIt() throws IOException {
        String json = """
                [{"id": "wan2.1-t2v-1.3b", "family": "WAN", "workflows": ["TEXT_TO_VIDEO"],
                  "parametersBillions": 1.3, "nativeSizes": ["832x480"],
                  "memory": {"activationKibPerToken": 200}}]
                """;
        ModelRegistry registry = ModelRegistry.builtIn().withModelsFrom(write("recalibrated.json", json));
        assertThat(registry.require("wan2.1-t2v-1.3b").memory().activationKibPerToken()).isEqualTo(200);
        assertThat(registry.all()).hasSize(ModelRegistry.builtIn().all().size());
    }

    @Test
    void invalidJsonNamesTheFileAndTheLine() throws IOException {
        Path file = write("broken.json", "{\"models\": [\n  {\"id\": \"x\",,}\n]}");
        assertThatThrownBy(() -> ModelRegistry.builtIn().withModelsFrom(file))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("models file " + file + ": not valid JSON at line 2")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFieldNamesTheModelAndTheField() throws IOException {
        Path file = write("missing.json", "{\"models\": [{\"id\": \"x\", \"family\": \"WAN\","
                + " \"workflows\": [\"TEXT_TO_VIDEO\"], \"nativeSizes\": [\"832x480\"]}]}");
        assertThatThrownBy(() -> ModelRegistry.builtIn().withModelsFrom(file))
                .hasMessage("models file " + file + ": model 1 ('x'): missing field 'parametersBillions'");
    }

    @Test
    void anUnknownWorkflowListsTheChoices() throws IOException {
        Path file = write("workflow.json", MINIMAL.replace("text-to-video", "make-it-pop"));
        assertThatThrownBy(() -> ModelRegistry.builtIn().withModelsFrom(file))
                .hasMessageContaining("model 1 ('ltx-lite'): workflows: unknown value \"make-it-pop\"")
                .hasMessageContaining("TEXT_TO_VIDEO");
    }

    @Test
    void badValuesNameTheField() throws IOException {
        assertBad(MINIMAL.replace("\"768x512\"", "\"768 by 512\""), "nativeSizes: bad size '768 by 512'");
        assertBad(MINIMAL.replace("2.0,", "\"two\","), "field 'parametersBillions': expected a number, found \"two\"");
        assertBad(MINIMAL.replace("2.0,", "2.0, \"frameRule\": \"4k+2\", \"maxFrames\": 81,"),
                "maxFrames 81 does not follow frameRule 4k+2");
        assertBad(MINIMAL.replace("\"wan\"", "\"SORA\""), "family: unknown value \"SORA\"");
    }

    @Test
    void aDuplicateIdInOneFileIsRefused() throws IOException {
        String model = MINIMAL.substring(MINIMAL.indexOf('[') + 1, MINIMAL.lastIndexOf(']'));
        assertBad("[" + model + "," + model + "]", "model id 'ltx-lite' appears twice");
    }

    @Test
    void aFileThatIsNotAModelListIsRefused() throws IOException {
        assertBad("{\"model\": {}}", "expected {\"models\": [...]} or an array of models");
    }

    @Test
    void anUnreadableFileNamesIt() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ModelRegistry.builtIn().withModelsFrom(missing))
                .hasMessageStartingWith("models file " + missing + ": cannot read it (NoSuchFileException");
    }

    private void assertBad(String json, String expected) throws IOException {
        Path file = write("bad.json", json);
        assertThatThrownBy(() -> ModelRegistry.builtIn().withModelsFrom(file))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("models file " + file)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n");
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }
}
