package dev.storycore.comfyui;

import dev.storycore.comfyui.fake.FakeComfyUi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the backend tests on one fake server share: a server with every template's nodes and files,
 * a backend with fast client settings, an output folder, and a teardown that lets held prompts go.
 */
abstract class OneServerBackendTest {

    @TempDir
    Path out;
    FakeComfyUi server;
    ComfyUiBackend backend;

    @BeforeEach
    void start() throws Exception {
        server = BackendFixtures.serverWithEverything();
        backend = BackendFixtures.backend(server);
    }

    @AfterEach
    void stop() {
        server.releaseHeldPrompts();
        backend.close();
        server.close();
    }
}
