package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateCommandTest {

    @Test
    void jsonCarriesTheEstimateTheGpuAndThePlan() {
        CliRun run = CliRun.of("estimate", "--model", "wan2.1-t2v-1.3b", "--size", "832x480", "--frames", "81",
                "--vram", "8", "--json");
        assertThat(run.exit()).isEqualTo(StoryCore.OK);
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("model").asText()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(json.get("peakVramGb").asDouble()).isGreaterThan(8);
        assertThat(json.get("availableVramGb").asDouble()).isEqualTo(7.5);
        assertThat(json.get("fits").asBoolean()).isFalse();
        assertThat(json.get("planFits").asBoolean()).isTrue();
        JsonNode plan = json.get("plan");
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).get("action").asText()).isEqualTo("TEXT_ENCODER_ON_CPU");
        assertThat(plan.get(1).get("action").asText()).isEqualTo("FP8_WEIGHTS");
        assertThat(plan.get(1).get("peakVramGb").asDouble()).isLessThanOrEqualTo(7.5);
        assertThat(json.get("finalRequest").get("precision").asText()).isEqualTo("FP8");
    }

    @Test
    void aRequestThatFitsHasAnEmptyPlan() {
        JsonNode json = CliRun.of("estimate", "--model", "wan2.2-ti2v-5b", "--size", "1280x704", "--frames", "121",
                "--offload", "model", "--text-encoder-cpu", "--gpu", "4090", "--json").json();
        assertThat(json.get("fits").asBoolean()).isTrue();
        assertThat(json.get("plan")).isEmpty();
        assertThat(json.get("gpu").asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(json.get("peakVramGb").asDouble()).isBetween(20.4, 24.0);
    }

    @Test
    void withoutAGpuItAssumesASixteenGigabyteRtx4080() {
        JsonNode json = CliRun.of("estimate", "--model", "wan2.1-t2v-1.3b", "--json").json();
        assertThat(json.get("gpu").asText()).isEqualTo("NVIDIA GeForce RTX 4080");
        assertThat(json.get("gpuVramGb").asDouble()).isEqualTo(16.0);
        assertThat(json.get("request").get("frames").asInt()).isEqualTo(81);
    }

    @Test
    void snapsAndReportsAdjustments() {
        JsonNode json = CliRun.of("estimate", "--model", "wan2.1-t2v-1.3b", "--size", "1000x500", "--frames", "80",
                "--json").json();
        assertThat(json.get("request").get("width").asInt()).isEqualTo(992);
        assertThat(json.get("request").get("frames").asInt()).isEqualTo(81);
        assertThat(json.get("adjustments")).hasSize(3);
    }

    @Test
    void humanOutputIsAnAlignedReport() {
        CliRun run = CliRun.of("estimate", "--model", "hunyuan-video-t2v", "--gpu", "rtx-4090");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Model      hunyuan-video-t2v (HunyuanVideo T2V)")
                .contains("GPU        NVIDIA GeForce RTX 4090 (24 GB, 22.8 GB usable)")
                .contains("Fits       no").contains("Plan to fit:").contains("fewer frames")
                .contains("STEP  ACTION");
    }

    @Test
    void aPlanThatCannotFitNamesABiggerGpu() {
        JsonNode json = CliRun.of("estimate", "--model", "wan-alpha", "--vram", "6", "--json").json();
        assertThat(json.get("planFits").asBoolean()).isFalse();
        assertThat(json.get("smallestFittingGpu").asText()).contains("24 GB");
        assertThat(json.get("message").asText()).startsWith("cannot fit");
    }

    @Test
    void optionsAreCaseInsensitive() {
        CliRun run = CliRun.of("estimate", "--model", "WAN2.1-T2V-1.3B", "--precision", "FP8", "--offload",
                "Sequential", "--vae-tiling", "--json");
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("request").get("offload").asText()).isEqualTo("SEQUENTIAL");
        assertThat(run.json().get("request").get("vaeTiling").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--model sora | unknown model 'sora' (known: hunyuan-video-t2v,",
        "--model wan2.1-t2v-1.3b --gpu voodoo | unknown GPU 'voodoo'",
        "--model wan2.1-t2v-1.3b --gpu a100 | ambiguous GPU 'a100'",
        "--model wan2.1-t2v-1.3b --size 832by480 | bad size '832by480'",
        "--model wan2.1-t2v-1.3b --size 9000x480 | width 9000 is over the 4096-pixel limit",
        "--model wan2.1-t2v-1.3b --frames 0 | frames must be positive",
        "--model wan2.1-t2v-1.3b --precision int4 | bad --precision 'int4'",
        "--model wan2.1-t2v-1.3b --vram -3 | --vram must be in (0, 1024] GB",
        "--model wan2.1-t2v-1.3b --gpu 4090 --vram 8 | mutually exclusive",
        "--size 832x480 | Missing required option: '--model=ID'"})
    void badInputExitsWithTwoAndOneLineNamingTheProblem(String args, String problem) {
        CliRun run = CliRun.of(("estimate " + args).split(" "));
        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("storycore: ").contains(problem);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void extraModelsComeFromAUserFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("models.json"), """
                {"models": [{"id": "my-wan", "family": "WAN", "workflows": ["TEXT_TO_VIDEO"],
                             "parametersBillions": 1.3, "nativeSizes": ["832x480"]}]}
                """);
        CliRun run = CliRun.of("estimate", "--model", "my-wan", "--models-file", file.toString(), "--json");
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("model").asText()).isEqualTo("my-wan");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"models\": [{\"id\": \"x\"}]}");
        CliRun bad = CliRun.of("estimate", "--model", "x", "--models-file", broken.toString());
        assertThat(bad.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(bad.err()).contains("models file " + broken + ": model 1 ('x'): missing field");
    }
}
