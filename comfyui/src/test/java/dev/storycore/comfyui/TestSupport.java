package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Fixtures shared by the tests: the workflow, JSON resources, and a client configuration for the fake. */
final class TestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestSupport() {
    }

    /** Short limits: the socket's silence is the only real wait; polls and backoff never sleep. */
    static ComfyUiConfig.Builder config(FakeComfyUi server) {
        return ComfyUiConfig.builder(server.baseUri())
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(3))
                .silenceTimeout(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(20))
                .reconnectAttempts(3)
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .deadServerTimeout(Duration.ofSeconds(3))
                .jobTimeout(Duration.ofSeconds(15))
                .sleeper(new RecordingSleeper());
    }

    /** The Wan 2.2 TI2V-5B workflow in API format, a fresh copy each time. */
    static ObjectNode workflow() {
        return (ObjectNode) resourceJson("wan22_ti2v_5b_api.json");
    }

    static JsonNode resourceJson(String name) {
        try {
            return JSON.readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
