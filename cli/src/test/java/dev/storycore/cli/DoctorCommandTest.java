package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.comfyui.TemplateCatalog;
import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.FakeObjectInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code storycore doctor} against the fake ComfyUI server. */
class DoctorCommandTest {

    private FakeComfyUi server;

    @BeforeEach
    void start() throws Exception {
        server = FakeComfyUi.start().objectInfo(FakeObjectInfo.everythingFor(TemplateCatalog.builtIn())
                .withoutFile("wan2.2_ti2v_5B_fp16.safetensors").without("WanVaceToVideo").json());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode template(JsonNode report, String id, String model) {
        for (JsonNode template : report.get("templates")) {
            if (template.get("id").asText().equals(id) && template.get("model").asText().equals(model)) {
                return template;
            }
        }
        throw new AssertionError("no template " + id + " for " + model);
    }

    @Test
    void jsonNamesVersionsGpuAndWhatEachTemplateLacks() {
        CliRun run = CliRun.of("doctor", "--backend", server.baseUri().toString(), "--json");

        assertThat(run.exit()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("server").asText()).isEqualTo(server.baseUri().toString());
        assertThat(report.get("comfyui").asText()).isEqualTo("0.3.60");
        assertThat(report.get("pytorch").asText()).isEqualTo("2.8.0+cu128");
        assertThat(report.get("python").asText()).startsWith("3.12.3");
        assertThat(report.get("gpu").get("name").asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(report.get("gpu").get("vramGb").asDouble()).isEqualTo(23.64);
        assertThat(report.get("devices").get(0).get("vramFreeGb").asDouble()).isEqualTo(22.41);
        JsonNode ti2v = template(report, "wan22-ti2v-5b-t2v", "wan2.2-ti2v-5b");
        assertThat(ti2v.get("runnable").asBoolean()).isFalse();
        assertThat(ti2v.get("precisions")).isEmpty();
        JsonNode missing = ti2v.get("missingFiles").get(0);
        assertThat(missing.get("file").asText()).isEqualTo("wan2.2_ti2v_5B_fp16.safetensors");
        assertThat(missing.get("folder").asText()).isEqualTo("models/diffusion_models");
        assertThat(missing.get("loader").asText()).isEqualTo("UNETLoader");
        assertThat(missing.get("hint").asText()).isEqualTo("put wan2.2_ti2v_5B_fp16.safetensors in "
                + "models/diffusion_models (from huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged)");
        assertThat(template(report, "wan21-vace-inpaint", "wan2.1-vace-14b").get("missingNodes").get(0).asText())
                .isEqualTo("WanVaceToVideo");
        JsonNode hunyuan = template(report, "hunyuan-t2v", "hunyuan-video-t2v");
        assertThat(hunyuan.get("runnable").asBoolean()).isTrue();
        assertThat(hunyuan.get("precisions").toString()).isEqualTo("[\"BF16\",\"FP16\",\"FP8\"]");
        assertThat(hunyuan.get("workflows").toString()).isEqualTo("[\"TEXT_TO_VIDEO\"]");
        int total = report.get("templates").size();
        assertThat(report.get("summary").get("total").asInt()).isEqualTo(total);
        assertThat(report.get("summary").get("runnable").asInt()).isEqualTo(total - 5);
    }

    @Test
    void textShowsATableAndWhatToFix() {
        CliRun run = CliRun.of("doctor", "--backend", server.baseUri().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("ComfyUI 0.3.60, Python 3.12.3, PyTorch 2.8.0+cu128, linux")
                .contains("GPU: NVIDIA GeForce RTX 4090, 23.64 GB VRAM (22.41 GB free), native FP8")
                .containsPattern("hunyuan-t2v +hunyuan-video-t2v +yes +BF16/FP16/FP8")
                .containsPattern("wan22-ti2v-5b-t2v +wan2.2-ti2v-5b +no +-")
                .contains("    - put wan2.2_ti2v_5B_fp16.safetensors in models/diffusion_models")
                .contains("    - node WanVaceToVideo is not installed")
                .contains(" templates can run here.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnreachableServerExitsOneWithOneLine() {
        String url = server.baseUri().toString();
        server.stop();

        CliRun run = CliRun.of("doctor", "--backend", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("storycore: cannot check ComfyUI at " + url + ": ")
                .contains("Connection refused").doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadAddressExitsTwo() {
        CliRun run = CliRun.of("doctor", "--backend", "localhost:8188");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("storycore: not a ComfyUI server address: 'localhost:8188' "
                + "(expected http://host:port, e.g. http://127.0.0.1:8188)");
    }

    @Test
    void theBackendIsRequired() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--backend");
    }
}
