package dev.storycore.comfyui;

import static dev.storycore.comfyui.BackendFixtures.job;
import static dev.storycore.comfyui.BackendFixtures.ti2v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.comfyui.fake.Fault;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancelling, a server that dies, health, stats and freeing memory. */
class ComfyUiBackendLifecycleTest extends OneServerBackendTest {

    private CompletableFuture<GenerationResult> runAsync(String jobId, CountDownLatch reached, String message) {
        return CompletableFuture.supplyAsync(() -> backend.generate(job(jobId, ti2v().build(), out), progress -> {
            if (progress.message().startsWith(message)) {
                reached.countDown();
            }
        }));
    }

    private static ComfyUiBackendException failureOf(CompletableFuture<GenerationResult> run) throws Exception {
        try {
            run.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (ComfyUiBackendException) e.getCause();
        }
        throw new AssertionError("the job succeeded");
    }

    @Test
    void cancellingARunningJobInterruptsItsPrompt() throws Exception {
        server.nextPromptFaults(Fault.HOLD);
        CountDownLatch sampling = new CountDownLatch(1);
        CompletableFuture<GenerationResult> run = runAsync("running", sampling, "step 1/");
        assertThat(sampling.await(5, TimeUnit.SECONDS)).isTrue();

        backend.cancel("running");

        ComfyUiBackendException failure = failureOf(run);
        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.INTERRUPTED);
        assertThat(failure.report()).startsWith("Processing interrupted:").contains("KSampler (node 8)");
        assertThat(server.interrupts()).containsExactly(server.prompts().get(0).path("prompt_id").asText());
    }

    @Test
    void cancellingAWaitingJobTakesItOutOfTheQueue() throws Exception {
        server.nextPromptFaults(Fault.HOLD).nextPromptFaults();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CompletableFuture<GenerationResult> first = runAsync("first", firstRunning, "step 1/");
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch secondQueued = new CountDownLatch(1);
        CompletableFuture<GenerationResult> second = runAsync("second", secondQueued, "queued as");
        assertThat(secondQueued.await(5, TimeUnit.SECONDS)).isTrue();

        backend.cancel("second");

        ComfyUiBackendException failure = failureOf(second);
        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.INTERRUPTED);
        String secondId = server.prompts().get(1).path("prompt_id").asText();
        assertThat(server.queueEdits()).anySatisfy(edit -> assertThat(edit.path("delete").get(0).asText())
                .isEqualTo(secondId));
        server.releaseHeldPrompts();
        assertThat(first.get(10, TimeUnit.SECONDS).outputs()).hasSize(1);
        assertThat(server.prompts()).hasSize(2);
    }

    @Test
    void cancellingAnUnknownJobDoesNothing() {
        backend.cancel("never-ran");

        assertThat(server.interrupts()).isEmpty();
    }

    @Test
    void aServerThatDiesMidJobIsReportedLostWithinTheDeadServerTimeout() {
        FakeClock clock = new FakeClock();
        ComfyUiBackend watching = ComfyUiBackend.connect(server.baseUri(), ComfyUiBackendOptions.builder()
                .client(builder -> BackendFixtures.fastClient().apply(builder).clock(clock)
                        .sleeper(new RecordingSleeper(clock)).deadServerTimeout(Duration.ofSeconds(30))
                        .jobTimeout(Duration.ofHours(1)).reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                        .pollInterval(Duration.ofSeconds(2)))
                .build());
        server.nextPromptFaults(Fault.DIE);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> watching.generate(job("dies", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.JOB_LOST);
        assertThat(failure.failure().serverFailure()).isTrue();
        assertThat(failure.report()).contains("unreachable for 3").contains("Connection refused");
        assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(38));
        watching.close();
    }

    @Test
    void aJobPastTheJobTimeoutIsInterruptedOnTheServer() {
        ComfyUiBackend impatient = ComfyUiBackend.connect(server.baseUri(), ComfyUiBackendOptions.builder()
                .client(builder -> BackendFixtures.fastClient().apply(builder).silenceTimeout(Duration.ofMillis(100))
                        .jobTimeout(Duration.ofMillis(500)))
                .build());
        server.nextPromptFaults(Fault.HOLD);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> impatient.generate(job("slow", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.JOB_TIMEOUT);
        assertThat(failure.report()).contains("timed out after 500 ms");
        assertThat(server.interrupts()).containsExactly(server.prompts().get(0).path("prompt_id").asText());
        impatient.close();
    }

    @Test
    void healthIsTheQueueAndNeverThrows() {
        assertThat(backend.health()).isEqualTo(BackendHealth.ok("idle"));

        server.stop();

        BackendHealth down = backend.health();
        assertThat(down.healthy()).isFalse();
        assertThat(down.detail()).contains("Connection refused");
    }

    @Test
    void systemStatsDescribeThePrimaryGpuAndTheVersions() {
        BackendStats stats = backend.systemStats();

        GpuProfile gpu = stats.gpu();
        assertThat(gpu.name()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(gpu.id()).isEqualTo("rtx-4090");
        assertThat(gpu.vramBytes()).isEqualTo(25386352640L);
        assertThat(gpu.fp8()).isTrue();
        assertThat(stats.vramFreeBytes()).isEqualTo(24061214720L);
        assertThat(stats.ramTotalBytes()).isEqualTo(67317608448L);
        assertThat(stats.versions()).containsEntry("comfyui", "0.3.60").containsEntry("pytorch", "2.8.0+cu128")
                .containsKey("python");
        assertThat(backend.gpuTier()).isTrue();
    }

    @Test
    void aServerWithoutAGpuReportsACpuProfile() {
        server.systemStats("{\"system\": {\"os\": \"posix\", \"ram_total\": 1000}, \"devices\": [{\"name\": \"cpu\","
                + " \"type\": \"cpu\", \"index\": null, \"vram_total\": 1000, \"vram_free\": 500}]}");

        BackendStats stats = backend.systemStats();

        assertThat(stats.gpu().id()).isEqualTo("cpu");
        assertThat(stats.vramFreeBytes()).isZero();
    }

    @Test
    void systemStatsOfAStoppedServerFailWithConnectionRefused() {
        server.stop();

        assertThatThrownBy(() -> backend.systemStats()).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).report()).contains("Connection refused"));
    }

    @Test
    void freeMemoryPostsFreeAndSurvivesADeadServer() {
        backend.freeMemory();

        assertThat(server.frees()).hasSize(1);
        server.stop();
        backend.freeMemory();
    }

    @Test
    void aServerAddressIsCheckedAndNamesTheBackend() {
        assertThat(ComfyUiBackend.connect("http://127.0.0.1:8188", ComfyUiBackendOptions.defaults()).name())
                .isEqualTo("comfyui@127.0.0.1:8188");
        assertThatThrownBy(() -> ComfyUiBackend.parseServer("127.0.0.1:8188"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ComfyUI server address: '127.0.0.1:8188'");
        assertThatThrownBy(() -> ComfyUiBackend.parseServer("http://[bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobIdCannotRunTwiceAtOnce() throws Exception {
        server.nextPromptFaults(Fault.HOLD);
        CountDownLatch sampling = new CountDownLatch(1);
        CompletableFuture<GenerationResult> run = runAsync("twice", sampling, "step 1/");
        assertThat(sampling.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> backend.generate(job("twice", ti2v().build(), out), ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
        server.releaseHeldPrompts();
        assertThat(run.get(10, TimeUnit.SECONDS).outputs()).hasSize(1);
    }
}
