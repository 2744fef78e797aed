package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.comfyui.fake.FakeComfyUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP endpoints against the fake server, including its failures. */
class ComfyUiClientTest {

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

    @Test
    void submitSendsClientIdAndACanonicalPromptId() {
        PromptAccepted accepted = client.submit(TestSupport.workflow());

        JsonNode body = server.prompts().get(0);
        assertThat(body.path("client_id").asText()).isEqualTo(client.config().clientId());
        assertThat(body.path("prompt_id").asText()).isEqualTo(accepted.promptId());
        assertThat(UUID.fromString(accepted.promptId()).toString()).isEqualTo(accepted.promptId());
        assertThat(body.path("prompt").path("37").path("class_type").asText()).isEqualTo("UNETLoader");
        assertThat(accepted.nodeErrors()).isEmpty();
    }

    @Test
    void aMissingModelFileIsRejectedWithTheParsedValidationError() {
        ObjectNode workflow = TestSupport.workflow();
        ((ObjectNode) workflow.path("37").path("inputs")).put("unet_name", "hunyuan_video_t2v_720p_bf16.safetensors");

        ComfyUiPromptRejectedException rejected = catchThrowableOfType(ComfyUiPromptRejectedException.class,
                () -> client.submit(workflow));

        PromptError error = rejected.promptError();
        assertThat(error.error().type()).isEqualTo("prompt_outputs_failed_validation");
        ValidationError problem = error.nodeErrors().get("37").errors().get(0);
        assertThat(error.nodeErrors().get("37").classType()).isEqualTo("UNETLoader");
        assertThat(problem.type()).isEqualTo("value_not_in_list");
        assertThat(problem.details()).isEqualTo("unet_name: 'hunyuan_video_t2v_720p_bf16.safetensors' not in"
                + " ['wan2.1_t2v_1.3B_fp16.safetensors', 'wan2.2_ti2v_5B_fp16.safetensors']");
        assertThat(problem.extra("received_value")).contains("hunyuan_video_t2v_720p_bf16.safetensors");
        assertThat(error.rawJson()).contains("\"value_not_in_list\"");
        assertThat(rejected).hasMessageContaining("HTTP 400 Bad Request").hasMessageContaining("UNETLoader (node 37)");
    }

    @Test
    void anUnknownNodeIsRejectedAsMissingNodeType() {
        ObjectNode workflow = TestSupport.workflow();
        ((ObjectNode) workflow.path("3")).put("class_type", "WanVideoSampler");

        assertThatThrownBy(() -> client.execute(workflow, ProgressListener.NONE))
                .isInstanceOfSatisfying(ComfyUiPromptRejectedException.class, rejected -> {
                    ValidationError error = rejected.promptError().error();
                    assertThat(error.type()).isEqualTo("missing_node_type");
                    assertThat(error.message()).isEqualTo("Node 'WanVideoSampler' not found. The custom node may not be installed.");
                    assertThat(error.extra("class_type")).contains("WanVideoSampler");
                });
    }

    @Test
    void aServerErrorIsUnavailableWithItsStatus() {
        server.failNextRequests(500, 1);

        ComfyUiUnavailableException failure = catchThrowableOfType(ComfyUiUnavailableException.class,
                () -> client.submit(TestSupport.workflow()));

        assertThat(failure).hasMessageContaining("POST " + server.baseUri() + "prompt: HTTP 500 Internal Server Error");
        assertThat(failure.httpStatus()).hasValue(500);
    }

    @Test
    void aBadGatewaySaysSo() {
        server.failNextRequests(502, 1);

        assertThatThrownBy(() -> client.systemStats())
                .isInstanceOf(ComfyUiUnavailableException.class)
                .hasMessageContaining("HTTP 502 Bad Gateway");
    }

    @Test
    void aStoppedServerRefusesTheConnection() {
        server.stop();

        assertThatThrownBy(() -> client.systemStats())
                .isInstanceOf(ComfyUiUnavailableException.class)
                .hasMessageContaining("Connection refused");
        assertThatThrownBy(() -> client.execute(TestSupport.workflow(), ProgressListener.NONE))
                .isInstanceOf(ComfyUiUnavailableException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void aSlowServerTimesOut() {
        ComfyUiClient impatient = ComfyUiClient.create(TestSupport.config(server)
                .requestTimeout(Duration.ofMillis(200)).build());
        server.respondSlowly();

        assertThatThrownBy(impatient::systemStats)
                .isInstanceOf(ComfyUiTimeoutException.class)
                .hasMessageContaining("GET " + server.baseUri() + "system_stats: request timed out after 200 ms");
        impatient.close();
    }

    @Test
    void aConnectionCutMidRequestIsUnavailable() throws Exception {
        server.respondSlowly();
        CompletableFuture<SystemStats> call = CompletableFuture.supplyAsync(client::systemStats);
        assertThat(server.awaitSlowRequest(Duration.ofSeconds(5))).isTrue();

        server.stop();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ComfyUiUnavailableException.class)
                .message().containsAnyOf("connection closed", "Connection reset", "Connection refused");
    }

    @Test
    void uploadsAnImageAndAMask(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("start frame.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Path mask = Files.write(dir.resolve("mask.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});

        UploadedImage uploaded = client.uploadImage(image, new ImageUpload("storycore", FolderType.INPUT, true));
        UploadedImage uploadedMask = client.uploadImage(mask, ImageUpload.DEFAULT);

        assertThat(uploaded).isEqualTo(new UploadedImage("start frame.png", "storycore", FolderType.INPUT));
        assertThat(uploaded.reference()).isEqualTo("storycore/start frame.png");
        assertThat(uploadedMask.reference()).isEqualTo("mask.png");
        FakeComfyUi.Upload first = server.uploads().get(0);
        assertThat(first.content()).isEqualTo(Files.readAllBytes(image));
        assertThat(first.type()).isEqualTo("input");
        assertThat(first.subfolder()).isEqualTo("storycore");
        assertThat(first.overwrite()).isEqualTo("true");
        assertThat(server.uploads().get(1).overwrite()).isEqualTo("false");
        assertThat(server.uploads().get(1).content()).isEqualTo(Files.readAllBytes(mask));
    }

    @Test
    void freeSendsBothFlags() {
        client.free(true, false);

        assertThat(server.frees()).singleElement().satisfies(body -> {
            assertThat(body.path("unload_models").asBoolean()).isTrue();
            assertThat(body.path("free_memory").asBoolean(true)).isFalse();
        });
    }

    @Test
    void readsSystemStatsOverHttp() {
        SystemStats stats = client.systemStats();

        assertThat(stats.system().comfyuiVersion()).isEqualTo("0.3.60");
        assertThat(stats.primaryDevice().orElseThrow().productName()).isEqualTo("NVIDIA GeForce RTX 4090");
    }

    @Test
    void readsObjectInfoOverHttp() {
        ObjectInfo info = client.objectInfo();

        assertThat(info.choices("UNETLoader", "unet_name")).contains("wan2.2_ti2v_5B_fp16.safetensors");
        assertThat(info.has("SaveAnimatedWEBP")).isTrue();
    }

    @Test
    void theHistoryOfAnUnknownPromptIsEmpty() {
        assertThat(client.history(ComfyUiClient.newPromptId())).isEmpty();
    }

    @Test
    void aPromptIdMustBeACanonicalUuid() {
        assertThatThrownBy(() -> client.submit(TestSupport.workflow(), "ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("promptId");
        assertThatThrownBy(() -> client.submit(TestSupport.workflow(), UUID.randomUUID().toString().toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.prompts()).isEmpty();
    }
}
