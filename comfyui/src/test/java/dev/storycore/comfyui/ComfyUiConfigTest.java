package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComfyUiConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        ComfyUiConfig config = ComfyUiConfig.builder(URI.create("http://127.0.0.1:8188")).build();

        assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:8188/"));
        assertThat(UUID.fromString(config.clientId()).toString()).isEqualTo(config.clientId());
        assertThat(config.silenceTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.deadServerTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.reconnectAttempts()).isEqualTo(5);
        assertThat(config.stallTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.jobTimeout()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepsAPathPrefixAndDerivesTheSocketAddress() {
        ComfyUiConfig config = ComfyUiConfig.builder(URI.create("https://gpu.example:443/comfy")).clientId("me").build();

        assertThat(config.baseUri()).isEqualTo(URI.create("https://gpu.example:443/comfy/"));
        assertThat(EventSocket.webSocketUri(config.baseUri(), config.clientId()))
                .isEqualTo(URI.create("wss://gpu.example:443/comfy/ws?clientId=me"));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ComfyUiConfig config = ComfyUiConfig.builder(URI.create("http://h:1")).silenceTimeout(Duration.ofMillis(5))
                .stallTimeout(Duration.ofMinutes(9)).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void badValuesFailAtBuildNamingTheParameter() {
        URI uri = URI.create("http://h:1");
        assertThatThrownBy(() -> ComfyUiConfig.builder(uri).silenceTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silenceTimeout");
        assertThatThrownBy(() -> ComfyUiConfig.builder(uri).stallTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallTimeout");
        assertThatThrownBy(() -> ComfyUiConfig.builder(uri).reconnectAttempts(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectAttempts");
        assertThatThrownBy(() -> ComfyUiConfig.builder(uri)
                .reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxReconnectBackoff");
        assertThatThrownBy(() -> ComfyUiConfig.builder(URI.create("ftp://h/")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> ComfyUiConfig.builder(uri).clientId(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
    }

    @Test
    void anUploadSubfolderMayNotClimbOut() {
        assertThatThrownBy(() -> new ImageUpload("../x", FolderType.INPUT, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subfolder");
        assertThat(new ImageUpload("storycore/refs", FolderType.INPUT, true).subfolder()).isEqualTo("storycore/refs");
    }
}
