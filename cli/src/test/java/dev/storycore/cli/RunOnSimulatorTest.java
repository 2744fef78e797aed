package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOnSimulatorTest {

    @TempDir
    Path dir;

    @Test
    void aSmallStoryboardRunsEndToEndOnTheSimulator() throws IOException {
        Files.copy(StoryboardReaderTest.EXAMPLE.resolveSibling("fisherman.png"), dir.resolve("fisherman.png"));
        Path board = Files.writeString(dir.resolve("small.json"), """
                {"shots": [
                  {"id": "fox", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "a fox", "frames": 33,
                   "steps": 10},
                  {"id": "big", "workflow": "t2v", "model": "wan2.1-t2v-14b", "prompt": "a city", "size": "1280x720",
                   "frames": 81, "steps": 10},
                  {"id": "fisher", "workflow": "i2v", "model": "wan2.1-i2v-14b-480p", "image": "fisherman.png",
                   "frames": 17, "steps": 10}
                ]}""");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", board.toString(), "--out", out.toString(), "--chaos", "none", "--seed", "5");

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        assertThat(run.out()).contains("3 shots: 3 delivered, 0 placeholder, 0 failed")
                .contains("report: " + out.resolve("report.json"));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("backend").asText()).isEqualTo("sim");
        for (JsonNode shot : report.get("shots")) {
            assertThat(shot.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(out.resolve(shot.get("outputs").get(0).asText())).exists().isRegularFile();
            assertThat(shot.get("gpuSeconds").asDouble()).isPositive();
        }
        JsonNode big = report.get("shots").get(1);
        assertThat(big.get("qualityScore").asDouble()).isLessThan(1.0);
        assertThat(big.get("warnings")).anyMatch(w -> w.asText().startsWith("pre-flight (primary)"));
    }

    @Test
    void jsonModePrintsTheReportAndSendsProgressToStderr() throws IOException {
        Path board = Files.writeString(dir.resolve("one.json"), """
                {"shots": [{"id": "fox", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "a fox",
                            "frames": 17, "steps": 8}]}""");

        CliRun run = CliRun.of("run", board.toString(), "--out", dir.resolve("out").toString(), "--json");

        assertThat(run.exit()).isEqualTo(StoryCore.OK);
        assertThat(run.json().get("summary").get("delivered").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("[fox] DELIVERED");
    }

    @Test
    void storyboardValuesTheModelCannotTakeAreChangedAndSaidSo() throws IOException {
        Path board = Files.writeString(dir.resolve("long.json"), """
                {"shots": [{"id": "long", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "a fox",
                            "frames": 100000, "steps": 8}]}""");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", board.toString(), "--out", out.toString(), "--chaos", "none");

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        String change = "validation: frames 100000 -> 81: over Wan2.1 T2V-1.3B's maximum of 81";
        assertThat(run.out()).contains("[long] " + change);
        JsonNode shot = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("shots").get(0);
        assertThat(shot.get("warnings").get(0).asText()).isEqualTo(change);
        assertThat(shot.get("parameters").get("frames").asInt()).isEqualTo(81);
    }

    @Test
    void theExampleStoryboardDeliversEveryShot() {
        Path out = dir.resolve("example");

        CliRun run = CliRun.of("run", StoryboardReaderTest.EXAMPLE.toString(), "--out", out.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        JsonNode summary = run.json().get("summary");
        assertThat(summary.get("shots").asInt()).isEqualTo(12);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("gpuTierPercent").asDouble()).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void theChaosBenchEndsWithItsSummaryLine() {
        CliRun run = CliRun.of("bench", "chaos", "--shots", "12", "--profile", "harsh", "--seed", "3");

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).matches(ChaosBenchTest.LAST_LINE);
        assertThat(run.out()).startsWith("chaos benchmark: 12 shots, profile harsh, seed 3");
    }

    @Test
    void chaosBenchNamesItsOwnOptionWhenTheProfileIsUnknown() {
        CliRun run = CliRun.of("bench", "chaos", "--profile", "wild");

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("storycore: --profile must be none, mild or harsh, was 'wild'");
        assertThat(run.out()).isEmpty();
    }
}
