package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeModelCommandTest {

    @TempDir
    Path root;

    @Test
    void aUsableFolderExitsZeroWithItsComponentsInJson() throws IOException {
        Path folder = TestWeights.wanDiffusers(root.resolve("wan"));

        CliRun run = CliRun.of("analyze-model", folder.toString(), "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.OK);
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("pipeline").asText()).isEqualTo("WanPipeline");
        assertThat(json.get("usable").asBoolean()).isTrue();
        assertThat(json.get("problems")).isEmpty();
        JsonNode transformer = component(json, "transformer");
        assertThat(names(transformer)).containsExactly("name", "status", "problems", "bytes", "parameters");
        assertThat(transformer.get("status").asText()).isEqualTo("OK");
        assertThat(transformer.get("parameters").asLong()).isEqualTo(40);
        assertThat(transformer.get("bytes").asLong()).isPositive();
    }

    @Test
    void aBrokenFolderExitsOneAndSaysWhichComponentAndWhy() throws IOException {
        Path folder = TestWeights.wanDiffusers(root.resolve("wan"));
        TestWeights.truncate(folder.resolve("text_encoder/model.safetensors"));

        CliRun run = CliRun.of("analyze-model", folder.toString(), "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.FAILED);
        JsonNode encoder = component(run.json(), "text_encoder");
        assertThat(encoder.get("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(encoder.get("problems").get(0).asText()).contains("text_encoder/model.safetensors");
        assertThat(run.json().get("usable").asBoolean()).isFalse();
    }

    @Test
    void aFolderWithoutModelsHasAFolderLevelProblem() throws IOException {
        TestWeights.text(root.resolve("readme.txt"), "nothing here");

        CliRun run = CliRun.of("analyze-model", root.toString(), "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.FAILED);
        assertThat(run.json().get("components")).isEmpty();
        assertThat(run.json().get("problems").get(0).asText()).startsWith("No model_index.json");
    }

    @Test
    void humanOutputIsATable() throws IOException {
        Path folder = TestWeights.wanComfy(root);
        TestWeights.truncate(folder.resolve("models/vae/wan_2.1_vae.safetensors"));

        CliRun run = CliRun.of("analyze-model", folder.toString());

        assertThat(run.exit()).isEqualTo(StoryCore.FAILED);
        assertThat(run.out()).contains("Layout    COMFYUI").contains("Usable    no")
                .containsPattern("COMPONENT +STATUS +SIZE +PARAMS +PROBLEM")
                .containsPattern("diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors +OK +\\d+ B +40")
                .containsPattern("vae/wan_2.1_vae.safetensors +INCOMPLETE");
    }

    @Test
    void aFileOrAMissingPathIsBadUsageWithOneLine() throws IOException {
        Path file = TestWeights.text(root.resolve("notes.txt"), "x");

        CliRun notAFolder = CliRun.of("analyze-model", file.toString());
        CliRun missing = CliRun.of("analyze-model", root.resolve("nope").toString(), "--json");
        CliRun noArgument = CliRun.of("analyze-model");

        assertThat(notAFolder.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(notAFolder.err()).isEqualTo("storycore: not a folder: " + file + System.lineSeparator());
        assertThat(notAFolder.out()).isEmpty();
        assertThat(missing.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(missing.err().lines()).singleElement().asString().startsWith("storycore: no such folder: ");
        assertThat(noArgument.exit()).isEqualTo(StoryCore.BAD_INPUT);
    }

    private static JsonNode component(JsonNode json, String name) {
        for (JsonNode component : json.get("components")) {
            if (component.get("name").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no component " + name + " in " + json);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
