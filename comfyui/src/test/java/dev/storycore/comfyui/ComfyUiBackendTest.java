package dev.storycore.comfyui;

import static dev.storycore.comfyui.BackendFixtures.job;
import static dev.storycore.comfyui.BackendFixtures.ti2v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.comfyui.fake.FakeObjectInfo;
import dev.storycore.comfyui.fake.Fault;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on one fake server: the happy path, inputs, and what every kind of failure reports. */
class ComfyUiBackendTest extends OneServerBackendTest {

    @Test
    void runsAJobAndDownloadsItsVideoIntoTheOutputFolder() throws Exception {
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        GenerationResult result = backend.generate(job("job-1", ti2v().build(), out), progress);

        Path video = out.toAbsolutePath().resolve("storycore_job-1_00001_.mp4");
        assertThat(result.outputs()).containsExactly(video);
        assertThat(Files.readString(video)).contains("fake video storycore_job-1_00001_.mp4");
        assertThat(result.backend()).isEqualTo("comfyui@" + server.baseUri().getRawAuthority());
        assertThat(result.jobId()).isEqualTo("job-1");
        assertThat(result.gpuSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(result.notes()).contains("template wan22-ti2v-5b-t2v");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(video);
        }
        JsonNode sent = server.prompts().get(0).path("prompt");
        assertThat(sent.path("7").path("inputs").path("width").asInt()).isEqualTo(1280);
        assertThat(sent.path("8").path("inputs").path("seed").asLong()).isEqualTo(7);
    }

    @Test
    void progressGoesFromQueuedThroughSamplingStepsToDone() {
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        backend.generate(job("job-2", ti2v().build(), out), progress);

        assertThat(progress.phases()).containsSubsequence("queued", "loading", "encoding", "sampling", "decoding",
                "writing");
        assertThat(progress.events).filteredOn(p -> p.phase().equals("sampling") && p.message().startsWith("step"))
                .extracting(JobProgress::message).containsExactly("step 1/4", "step 2/4", "step 3/4", "step 4/4");
        assertThat(progress.events).extracting(JobProgress::fraction).isSorted();
        assertThat(progress.events).allMatch(p -> p.jobId().equals("job-2"));
        JobProgress last = progress.events.get(progress.events.size() - 1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.message()).isEqualTo("done");
        assertThat(progress.events).filteredOn(p -> p.message().equals("step 4/4")).singleElement()
                .satisfies(p -> assertThat(p.fraction()).isCloseTo(0.85, within(1e-9)));
    }

    @Test
    void twoExpertsShareTheSamplingProgress() {
        BackendFixtures.Progress progress = new BackendFixtures.Progress();
        GenerationRequest request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-t2v-a14b")
                .prompt("a fox").steps(4).build();

        backend.generate(job("job-3", request, out), progress);

        assertThat(progress.events).filteredOn(p -> p.message().equals("step 4/4"))
                .extracting(JobProgress::fraction)
                .satisfiesExactly(high -> assertThat(high).isCloseTo(0.475, within(1e-9)),
                        low -> assertThat(low).isCloseTo(0.85, within(1e-9)));
    }

    @Test
    void uploadsTheInputImageAndLoadsItByTheNameTheServerGave(@TempDir Path inputs) throws Exception {
        Path image = Files.write(inputs.resolve("first-frame.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        GenerationRequest request = ti2v().workflow(Workflow.TEXT_IMAGE_TO_VIDEO).inputImage(image.toString()).build();

        backend.generate(job("job-4", request, out), ProgressListener.NONE);

        assertThat(server.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.filename()).isEqualTo("first-frame.png");
            assertThat(upload.type()).isEqualTo("input");
        });
        JsonNode loadImage = server.prompts().get(0).path("prompt").path("7");
        assertThat(loadImage.path("class_type").asText()).isEqualTo("LoadImage");
        assertThat(loadImage.path("inputs").path("image").asText()).isEqualTo("first-frame.png");
    }

    @Test
    void aMissingLocalInputFileFailsBeforeAnythingIsSent() {
        GenerationRequest request = ti2v().workflow(Workflow.IMAGE_TO_VIDEO).inputImage(out.resolve("nope/ref.png").toString())
                .build();

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-5", request, out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.BAD_INPUT);
        assertThat(failure.report()).startsWith("input image not found: No such file or directory:");
        assertThat(server.prompts()).isEmpty();
    }

    @Test
    void anOutOfMemoryErrorReportsTheExecutionErrorJsonAndFreesMemory() {
        server.nextPromptFaults(Fault.OOM);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-6", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.EXECUTION_ERROR);
        assertThat(failure.report()).startsWith("{").contains("\"exception_type\":\"torch.OutOfMemoryError\"")
                .contains("CUDA out of memory. Tried to allocate 2.50 GiB").contains("\"node_type\":\"KSampler\"")
                .contains("\"prompt_id\":\"" + server.prompts().get(0).path("prompt_id").asText() + "\"");
        assertThat(failure).hasMessage(backend.name()
                + ": KSampler (node 8): torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 "
                + "has a total capacity of 23.99 GiB of which 1.12 GiB is free. Of the allocated memory 21.30 GiB is "
                + "allocated by PyTorch, and 350.00 MiB is reserved by PyTorch but unallocated.");
        assertThat(failure.backend()).isEqualTo(backend.name());
        assertThat(server.frees()).singleElement().satisfies(body -> {
            assertThat(body.path("unload_models").asBoolean()).isTrue();
            assertThat(body.path("free_memory").asBoolean()).isTrue();
        });
    }

    @Test
    void freeingMemoryAfterAnOutOfMemoryErrorCanBeSwitchedOff() {
        ComfyUiBackend quiet = ComfyUiBackend.connect(server.baseUri(), ComfyUiBackendOptions.builder()
                .client(BackendFixtures.fastClient()).freeMemoryAfterOutOfMemory(false).build());
        server.nextPromptFaults(Fault.OOM);

        catchThrowableOfType(ComfyUiBackendException.class,
                () -> quiet.generate(job("job-7", ti2v().build(), out), ProgressListener.NONE));
        assertThat(server.frees()).isEmpty();

        quiet.freeMemory();
        assertThat(server.frees()).hasSize(1);
        quiet.close();
    }

    @Test
    void aMissingModelFileReportsTheRawValidationBody() {
        server.objectInfo(FakeObjectInfo.everythingFor(TemplateCatalog.builtIn())
                .withoutFile("wan2.2_ti2v_5B_fp16.safetensors").json());

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-8", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.PROMPT_REJECTED);
        assertThat(failure.report()).startsWith("{\"error\":{\"type\":\"prompt_outputs_failed_validation\"")
                .contains("\"value_not_in_list\"")
                .contains("unet_name: 'wan2.2_ti2v_5B_fp16.safetensors' not in");
        assertThat(failure.getMessage()).contains("UNETLoader (node 1): value_not_in_list");
        assertThat(failure.gpuSecondsSpent()).isZero();
    }

    @Test
    void aNodeTheServerLacksReportsMissingNodeType() {
        server.objectInfo(FakeObjectInfo.everythingFor(TemplateCatalog.builtIn()).without("Wan22ImageToVideoLatent")
                .json());

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-9", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.PROMPT_REJECTED);
        assertThat(failure.report()).contains("\"type\":\"missing_node_type\"")
                .contains("Node 'Wan22ImageToVideoLatent' not found. The custom node may not be installed.");
    }

    @Test
    void aStoppedServerReportsConnectionRefused() {
        server.stop();

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-10", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.SERVER_UNAVAILABLE);
        assertThat(failure.failure().serverFailure()).isTrue();
        assertThat(failure.report()).contains("Connection refused");
    }

    @Test
    void aServerErrorReportsTheStatus() {
        server.failNextRequests(502, 1);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-11", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.SERVER_UNAVAILABLE);
        assertThat(failure.report()).contains("POST " + server.baseUri() + "prompt: HTTP 502 Bad Gateway");
    }

    @Test
    void aServerError500WhileQueueingIsUnavailable() {
        server.failNextRequests(500, 1);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("job-12", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.report()).contains("HTTP 500 Internal Server Error");
    }

    @Test
    void aDroppedSocketMidJobIsRecovered() {
        server.nextPromptFaults(Fault.DROP_SOCKET);
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        GenerationResult result = backend.generate(job("job-13", ti2v().build(), out), progress);

        assertThat(result.outputs()).singleElement().satisfies(path -> assertThat(path).exists());
        assertThat(progress.events).extracting(JobProgress::message).contains("progress socket lost; polling");
    }

    @Test
    void aSilentSocketIsRecoveredByPolling() {
        server.nextPromptFaults(Fault.SILENT);
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        GenerationResult result = backend.generate(job("job-14", ti2v().build(), out), progress);

        assertThat(result.outputs()).singleElement().satisfies(path -> assertThat(path).exists());
        assertThat(progress.events).extracting(JobProgress::message).anyMatch(m -> m.startsWith("no news for 200 ms"));
    }
}
