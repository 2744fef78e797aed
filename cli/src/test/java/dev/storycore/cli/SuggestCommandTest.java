package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestCommandTest {

    @TempDir
    Path root;

    @Test
    void jsonRanksAlternativesWithScoresParityAndResources() {
        CliRun run = CliRun.of("suggest", "--for", "hunyuan-video-t2v", "--vram", "16", "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.OK);
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("targetId").asText()).isEqualTo("hunyuan-video-t2v");
        assertThat(json.get("vramGb").asDouble()).isEqualTo(16.0);
        JsonNode alternatives = json.get("alternatives");
        assertThat(alternatives.get(0).get("modelId").asText()).isEqualTo("wan2.2-ti2v-5b");
        assertThat(alternatives.get(1).get("modelId").asText()).isEqualTo("wan2.1-t2v-1.3b");
        JsonNode first = alternatives.get(0);
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("parity").get("lost").get(0).asText()).isEqualTo("129 frames (up to 121)");
        assertThat(first.get("resources").get("offload").asText()).isEqualTo("SEQUENTIAL");
        assertThat(first.get("resources").get("fits").asBoolean()).isTrue();
        assertThat(first.get("resources").has("request")).isFalse();
    }

    @Test
    void aUsableLocalCopyUnderModelsDirComesFirst() throws IOException {
        TestWeights.wanComfy(root);

        JsonNode json = CliRun.of("suggest", "--for", "hunyuan-video-t2v", "--vram", "16", "--models-dir",
                root.toString(), "--json").json();

        JsonNode first = json.get("alternatives").get(0);
        assertThat(first.get("modelId").asText()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(first.get("local").asBoolean()).isTrue();
        assertThat(json.get("localModels").get(0).get("matchedBy").asText())
                .isEqualTo("file name wan2.1_t2v_1.3B_fp16.safetensors");
    }

    @Test
    void humanOutputShowsTheTargetTheRankingAndWhatIsOnDisk() throws IOException {
        TestWeights.wanDiffusers(root.resolve("Wan2.1-T2V-1.3B-Diffusers"));

        CliRun run = CliRun.of("suggest", "--for", "hunyuan-video-t2v", "--vram", "16", "--models-dir",
                root.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Target    hunyuan-video-t2v (HunyuanVideo T2V) on 16 GB (15.2 GB usable)")
                .containsPattern("# +MODEL +SCORE +LOCAL +PEAK +FITS +SETTINGS +LOSES")
                .containsPattern("1 +wan2.1-t2v-1.3b +0\\.\\d{3} +yes")
                .contains("Found on disk:").contains("score = 0.35 workflows");
    }

    @Test
    void nothingFittingExitsOne() {
        CliRun run = CliRun.of("suggest", "--for", "wan-alpha", "--vram", "0.5", "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.FAILED);
        assertThat(run.json().get("alternatives")).isEmpty();
        assertThat(run.json().get("target").get("fits").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--for sora --vram 16 | storycore: unknown model 'sora' (known: hunyuan-video-t2v,",
        "--for wan2.1-t2v-1.3b --vram 0 | storycore: --vram must be in (0, 1024] GB, was 0.0",
        "--for wan2.1-t2v-1.3b --vram lots | storycore: Invalid value for option '--vram'",
        "--vram 16 | storycore: Missing required option: '--for=MODEL_ID'",
    })
    void badInputExitsTwoWithOneLine(String args, String message) {
        CliRun run = CliRun.of(("suggest " + args).split(" "));

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aModelsDirThatIsNotAFolderIsBadInput() {
        CliRun run = CliRun.of("suggest", "--for", "wan2.1-t2v-1.3b", "--vram", "16", "--models-dir",
                root.resolve("missing").toString());

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err()).startsWith("storycore: --models-dir: no such folder: ");
    }
}
