package dev.storycore.comfyui;

import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.FakeObjectInfo;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.GenerationRequestBuilder;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Fake servers that have every template's nodes and files, fast client settings, and jobs. */
final class BackendFixtures {

    private BackendFixtures() {
    }

    /** A fake server whose object info has everything the built-in templates need. */
    static FakeComfyUi serverWithEverything() throws IOException {
        return FakeComfyUi.start().objectInfo(FakeObjectInfo.everythingFor(TemplateCatalog.builtIn()).json());
    }

    /** Short limits; the socket's silence is the only real wait, polls and backoff never sleep. */
    static UnaryOperator<ComfyUiConfig.Builder> fastClient() {
        return builder -> builder
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

    static ComfyUiBackend backend(FakeComfyUi server) {
        return ComfyUiBackend.connect(server.baseUri(), ComfyUiBackendOptions.builder().client(fastClient()).build());
    }

    /** Wan2.2 TI2V-5B text to video, four steps. */
    static GenerationRequestBuilder ti2v() {
        return GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b").prompt("a red fox in snow")
                .size(1280, 704).frames(41).steps(4).cfg(5).fps(24).seed(7);
    }

    static GenerationJob job(String id, GenerationRequest request, Path out) {
        return new GenerationJob(id, "shot-" + id, request, out);
    }

    /** Collects progress. Thread-safe. */
    static final class Progress implements dev.storycore.generation.backend.ProgressListener {
        final List<JobProgress> events = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(JobProgress progress) {
            events.add(progress);
        }

        List<String> phases() {
            return events.stream().map(JobProgress::phase).distinct().toList();
        }
    }
}
