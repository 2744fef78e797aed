package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.FakeObjectInfo;
import dev.storycore.generation.request.Precision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which templates a server can run, and what is missing. */
class ComfyUiDoctorTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
    private FakeComfyUi server;
    private ComfyUiClient client;

    @BeforeEach
    void start() throws Exception {
        server = FakeComfyUi.start();
        client = ComfyUiClient.create(TestSupport.config(server).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private DoctorReport examine(FakeObjectInfo info) {
        server.objectInfo(info.json());
        return ComfyUiDoctor.examine(client, CATALOG);
    }

    private static TemplateCheck check(DoctorReport report, String templateId, String model) {
        return report.templates().stream()
                .filter(check -> check.templateId().equals(templateId) && check.modelId().equals(model))
                .findFirst().orElseThrow();
    }

    @Test
    void aServerWithEverythingRunsEveryTemplateAtEveryPrecision() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG));

        assertThat(report.templates()).isNotEmpty().allSatisfy(check -> {
            assertThat(check.runnablePrecisions()).containsExactly(Precision.values());
            assertThat(check.missingNodes()).isEmpty();
            assertThat(check.missingFiles()).isEmpty();
            assertThat(check.fixes()).isEmpty();
        });
        assertThat(report.runnable()).hasSameSizeAs(report.templates());
        assertThat(report.templates()).extracting(TemplateCheck::templateId).contains("wan22-t2v-a14b",
                "wan22-ti2v-5b-t2v", "hunyuan-t2v", "hunyuan-i2v", "wan21-vace-inpaint", "wan-alpha-t2v", "upscale-model");
        assertThat(check(report, "wan21-t2v", "wan2.1-t2v-14b").title()).isEqualTo("Wan2.1 T2V (1.3B and 14B)");
    }

    @Test
    void reportsVersionsAndTheGpu() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG));

        assertThat(report.server()).isEqualTo(server.baseUri());
        assertThat(report.stats().system().comfyuiVersion()).isEqualTo("0.3.60");
        assertThat(report.stats().system().pytorchVersion()).isEqualTo("2.8.0+cu128");
        assertThat(report.gpu().name()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(report.hasGpu()).isTrue();
    }

    @Test
    void aMissingModelFileSaysWhereToPutItAndWhereToGetIt() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG).withoutFile("wan2.2_ti2v_5B_fp16.safetensors"));

        TemplateCheck t2v = check(report, "wan22-ti2v-5b-t2v", "wan2.2-ti2v-5b");
        assertThat(t2v.runnable()).isFalse();
        assertThat(t2v.missingFiles()).extracting(ModelFile::filename).containsExactly("wan2.2_ti2v_5B_fp16.safetensors");
        assertThat(t2v.fixes()).containsExactly("put wan2.2_ti2v_5B_fp16.safetensors in models/diffusion_models "
                + "(from huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged)");
        assertThat(check(report, "wan22-ti2v-5b-i2v", "wan2.2-ti2v-5b").runnable()).isFalse();
        assertThat(check(report, "wan21-t2v", "wan2.1-t2v-1.3b").runnable()).isTrue();
    }

    @Test
    void onlyTheFp8FilesMeanItRunsAtFp8Only() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG)
                .withoutFile("wan2.2_t2v_high_noise_14B_fp16.safetensors")
                .withoutFile("wan2.2_t2v_low_noise_14B_fp16.safetensors"));

        TemplateCheck a14b = check(report, "wan22-t2v-a14b", "wan2.2-t2v-a14b");
        assertThat(a14b.runnablePrecisions()).containsExactly(Precision.FP8);
        assertThat(a14b.missingFiles()).isEmpty();
        assertThat(a14b.fixes()).singleElement().asString().startsWith("runs at FP8 only; BF16 needs "
                + "wan2.2_t2v_high_noise_14B_fp16.safetensors, wan2.2_t2v_low_noise_14B_fp16.safetensors");
    }

    @Test
    void aMissingNodeStopsEveryTemplateThatUsesIt() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG).without("WanVaceToVideo"));

        TemplateCheck vace = check(report, "wan21-vace-inpaint", "wan2.1-vace-14b");
        assertThat(vace.runnable()).isFalse();
        assertThat(vace.missingNodes()).containsExactly("WanVaceToVideo");
        assertThat(vace.fixes()).contains("node WanVaceToVideo is not installed: update ComfyUI, or install the "
                + "custom node pack that provides it");
        assertThat(check(report, "hunyuan-t2v", "hunyuan-video-t2v").runnable()).isTrue();
    }

    @Test
    void aFileInASubfolderIsFoundAndNamed() {
        DoctorReport report = examine(FakeObjectInfo.everythingFor(CATALOG).withoutFile("wan2.2_vae.safetensors")
                .choices("VAELoader", "vae_name", "wan/wan2.2_vae.safetensors"));

        assertThat(check(report, "wan22-ti2v-5b-t2v", "wan2.2-ti2v-5b").fixes()).containsExactly(
                "wan2.2_vae.safetensors is in a subfolder (wan/wan2.2_vae.safetensors): move it to models/vae itself");
    }

    @Test
    void anUnreachableServerFailsWithConnectionRefused() {
        server.stop();

        assertThatThrownBy(() -> ComfyUiDoctor.examine(client, CATALOG))
                .isInstanceOf(ComfyUiUnavailableException.class).hasMessageContaining("Connection refused");
    }
}
