package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ListCommandsTest {

    @Test
    void modelsJsonListsEveryBuiltInWithItsFacts() {
        CliRun run = CliRun.of("models", "--json");
        assertThat(run.exit()).isZero();
        JsonNode models = run.json();
        assertThat(models).hasSize(11);
        JsonNode ti2v = null;
        for (JsonNode model : models) {
            if (model.get("id").asText().equals("wan2.2-ti2v-5b")) {
                ti2v = model;
            }
        }
        assertThat(ti2v).isNotNull();
        assertThat(ti2v.get("fps").asInt()).isEqualTo(24);
        assertThat(ti2v.get("frameRule").asText()).isEqualTo("4k+1");
        assertThat(ti2v.get("nativeSizes").get(0).asText()).isEqualTo("1280x704");
        assertThat(ti2v.get("memoryFigures").get(0).get("source").asText()).contains("Wan2.2");
        assertThat(ti2v.get("components").get(0).get("role").asText()).isEqualTo("DIFFUSION");
    }

    @Test
    void modelsTextIsAnAlignedTable() {
        String out = CliRun.of("models").out();
        String[] lines = out.split("\n");
        assertThat(lines[0]).startsWith("ID ").contains("FAMILY").contains("WORKFLOWS");
        assertThat(lines).hasSize(12);
        int familyColumn = lines[0].indexOf("FAMILY");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(familyColumn - 1)).isEqualTo(' '));
        assertThat(out).contains("27B (14B active)").contains("ALPHA");
    }

    @Test
    void gpusJsonMarksTheDefault() {
        JsonNode gpus = CliRun.of("gpus", "--json").json();
        assertThat(gpus).hasSize(11);
        assertThat(gpus.get(0).get("id").asText()).isEqualTo("rtx-4080");
        assertThat(gpus.get(0).get("default").asBoolean()).isTrue();
        assertThat(gpus.get(0).get("vramGb").asDouble()).isEqualTo(16.0);
        assertThat(gpus.get(10).get("id").asText()).isEqualTo("h200-141");
        int defaults = 0;
        for (JsonNode gpu : gpus) {
            defaults += gpu.get("default").asBoolean() ? 1 : 0;
        }
        assertThat(defaults).isEqualTo(1);
    }

    @Test
    void gpusTextShowsMemoryAndFormats() {
        CliRun run = CliRun.of("gpus");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rtx-4080 *").contains("141 GB").contains("default when a command names no GPU");
    }
}
