package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.comfyui.TemplateCatalog;
import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.Fault;
import dev.storycore.comfyui.fake.FakeObjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storycore run --backend http://127.0.0.1:PORT} against the fake ComfyUI server, end to end. */
class RunOnComfyUiTest {

    @TempDir
    Path dir;

    private FakeComfyUi server;

    @BeforeEach
    void start() throws IOException {
        server = FakeComfyUi.start().objectInfo(FakeObjectInfo.everythingFor(TemplateCatalog.builtIn()).json());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path board() throws IOException {
        return Files.writeString(dir.resolve("board.json"), """
                {"shots": [{"id": "fox", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "a red fox",
                            "frames": 33, "steps": 12}]}""");
    }

    private JsonNode report(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void deliversAShotThroughTheRealProtocolOnTheServersOwnGpu() throws IOException {
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", board().toString(), "--backend", server.baseUri().toString(),
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        JsonNode report = report(out);
        assertThat(report.get("backend").asText()).startsWith("comfyui@127.0.0.1:");
        assertThat(report.get("gpu").get("name").asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        JsonNode shot = report.get("shots").get(0);
        assertThat(shot.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(shot.get("tier").asText()).isEqualTo("primary");
        assertThat(out.resolve(shot.get("outputs").get(0).asText())).isRegularFile();
        assertThat(server.prompts()).hasSize(1);
        JsonNode workflow = server.prompts().get(0);
        assertThat(workflow.toString()).contains("a red fox").contains("wan2.1_t2v_1.3B");
    }

    @Test
    void anOutOfMemoryErrorIsClassifiedAndTheChangedRequestDelivers() throws IOException {
        server.nextPromptFaults(Fault.OOM);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", board().toString(), "--backend", server.baseUri().toString(),
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(StoryCore.OK);
        JsonNode shot = report(out).get("shots").get(0);
        assertThat(shot.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(shot.get("errors").get(0).get("category").asText()).isEqualTo("MEMORY_MANAGEMENT");
        assertThat(shot.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(server.prompts()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(server.prompts().get(1)).isNotEqualTo(server.prompts().get(0));
    }
}
