package dev.storycore.comfyui;

import static dev.storycore.comfyui.BackendFixtures.job;
import static dev.storycore.comfyui.BackendFixtures.ti2v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.Fault;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.resilience.CircuitState;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two fake servers behind one router: resubmission, breakers per server, and every server down. */
class RoutingBackendTest {

    @TempDir
    Path out;
    private final FakeClock clock = new FakeClock();
    private FakeComfyUi first;
    private FakeComfyUi second;
    private RoutingBackend router;

    @BeforeEach
    void start() throws Exception {
        first = BackendFixtures.serverWithEverything();
        second = BackendFixtures.serverWithEverything();
        router = router(RoutingOptions.defaults());
    }

    @AfterEach
    void stop() {
        first.releaseHeldPrompts();
        router.close();
        first.close();
        second.close();
    }

    /** The watch's waits advance the fake clock, so a dead server is given up on at once. */
    private RoutingBackend router(RoutingOptions routing) {
        ComfyUiBackendOptions options = ComfyUiBackendOptions.builder()
                .client(builder -> BackendFixtures.fastClient().apply(builder).clock(clock)
                        .sleeper(new RecordingSleeper(clock)).deadServerTimeout(Duration.ofSeconds(30))
                        .jobTimeout(Duration.ofHours(1)).reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                        .pollInterval(Duration.ofSeconds(2)))
                .build();
        return RoutingBackend.connect(List.of(first.baseUri(), second.baseUri()), options, routing);
    }

    private static String nameOf(FakeComfyUi server) {
        return "comfyui@" + server.baseUri().getRawAuthority();
    }

    @Test
    void aJobWhoseServerDiesIsResubmittedOnTheOther() {
        first.nextPromptFaults(Fault.DIE);
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        GenerationResult result = router.generate(job("shot-1", ti2v().build(), out), progress);

        assertThat(result.backend()).isEqualTo(nameOf(second));
        assertThat(result.outputs()).singleElement().satisfies(path -> assertThat(path).exists());
        assertThat(first.prompts()).hasSize(1);
        assertThat(second.prompts()).hasSize(1);
        assertThat(progress.events).extracting(JobProgress::message)
                .contains("resubmitting on " + nameOf(second) + " after " + nameOf(first) + " failed");
        assertThat(router.breaker(nameOf(first)).orElseThrow().statistics().failures()).isEqualTo(1);
        assertThat(router.breaker(nameOf(second)).orElseThrow().statistics().successes()).isEqualTo(1);
    }

    @Test
    void aJobThatStallsIsInterruptedAndResubmittedOnTheOther() {
        first.nextPromptFaults(Fault.HOLD);
        BackendFixtures.Progress progress = new BackendFixtures.Progress();

        // Until the first server's prompt is interrupted, every report moves the clock a minute on.
        GenerationResult result = router.generate(job("shot-1", ti2v().build(), out), event -> {
            progress.onProgress(event);
            boolean stalling = event.message().startsWith("step 1/") || event.message().equals("running");
            if (stalling && first.interrupts().isEmpty()) {
                clock.advance(Duration.ofMinutes(1));
            }
        });

        assertThat(result.backend()).isEqualTo(nameOf(second));
        assertThat(first.interrupts()).containsExactly(first.prompts().get(0).path("prompt_id").asText());
        assertThat(second.prompts()).hasSize(1);
        assertThat(progress.events).extracting(JobProgress::message)
                .contains("resubmitting on " + nameOf(second) + " after " + nameOf(first) + " failed");
        assertThat(router.breaker(nameOf(first)).orElseThrow().statistics().failures()).isEqualTo(1);
    }

    @Test
    void aRefusingServersBreakerOpensAndKeepsJobsAway() {
        RoutingBackend strict = router(RoutingOptions.builder().breaker(builder -> builder.failureThreshold(1)).build());
        first.stop();

        GenerationResult one = strict.generate(job("shot-1", ti2v().build(), out), ProgressListener.NONE);
        GenerationResult two = strict.generate(job("shot-2", ti2v().build(), out), ProgressListener.NONE);

        assertThat(one.backend()).isEqualTo(nameOf(second));
        assertThat(two.backend()).isEqualTo(nameOf(second));
        assertThat(strict.breaker(nameOf(first)).orElseThrow().state()).isEqualTo(CircuitState.OPEN);
        assertThat(strict.breaker(nameOf(second)).orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(second.prompts()).hasSize(2);
        strict.close();
    }

    @Test
    void whenEveryServerIsDownTheReportSaysConnectionRefused() {
        RoutingBackend strict = router(RoutingOptions.builder().breaker(builder -> builder.failureThreshold(1)).build());
        first.stop();
        second.stop();

        ComfyUiBackendException tried = catchThrowableOfType(ComfyUiBackendException.class,
                () -> strict.generate(job("shot-1", ti2v().build(), out), ProgressListener.NONE));
        ComfyUiBackendException refused = catchThrowableOfType(ComfyUiBackendException.class,
                () -> strict.generate(job("shot-2", ti2v().build(), out), ProgressListener.NONE));

        assertThat(tried.failure()).isEqualTo(ComfyUiFailure.SERVER_UNAVAILABLE);
        assertThat(tried.report()).startsWith("no ComfyUI server could run job shot-1; ")
                .contains(nameOf(first) + ": POST " + first.baseUri() + "prompt: Connection refused")
                .contains(nameOf(second) + ": POST " + second.baseUri() + "prompt: Connection refused");
        assertThat(tried.getSuppressed()).hasSize(1);
        assertThat(refused.failure()).isEqualTo(ComfyUiFailure.SERVER_UNAVAILABLE);
        assertThat(refused.report()).startsWith("Connection refused: no ComfyUI server accepts jobs now; ")
                .contains(nameOf(first) + ": circuit breaker open for 30 s more after: POST");
        strict.close();
    }

    @Test
    void aJobsOwnFailureIsNotResubmitted() {
        first.nextPromptFaults(Fault.OOM);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> router.generate(job("shot-1", ti2v().build(), out), ProgressListener.NONE));

        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.EXECUTION_ERROR);
        assertThat(failure.backend()).isEqualTo(nameOf(first));
        assertThat(second.prompts()).isEmpty();
        assertThat(router.breaker(nameOf(first)).orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void jobsTakeTurnsOnIdleServers() {
        router.generate(job("shot-1", ti2v().build(), out), ProgressListener.NONE);
        router.generate(job("shot-2", ti2v().build(), out), ProgressListener.NONE);

        assertThat(first.prompts()).hasSize(1);
        assertThat(second.prompts()).hasSize(1);
    }

    @Test
    void aBusyServerIsPassedOverForAnIdleOne() throws Exception {
        first.nextPromptFaults(Fault.HOLD);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<GenerationResult> held = CompletableFuture.supplyAsync(() -> router.generate(
                job("held", ti2v().build(), out), progress -> {
                    if (progress.message().startsWith("step 1/")) {
                        running.countDown();
                    }
                }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        GenerationResult[] next = new GenerationResult[2];
        next[0] = router.generate(job("next-1", ti2v().build(), out), ProgressListener.NONE);
        next[1] = router.generate(job("next-2", ti2v().build(), out), ProgressListener.NONE);

        assertThat(next).extracting(GenerationResult::backend).containsOnly(nameOf(second));
        first.releaseHeldPrompts();
        assertThat(held.get(10, TimeUnit.SECONDS).backend()).isEqualTo(nameOf(first));
    }

    @Test
    void cancellingAJobStopsItWithoutResubmitting() throws Exception {
        first.nextPromptFaults(Fault.HOLD);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<GenerationResult> held = CompletableFuture.supplyAsync(() -> router.generate(
                job("held", ti2v().build(), out), progress -> {
                    if (progress.message().startsWith("step 1/")) {
                        running.countDown();
                    }
                }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        router.cancel("held");

        assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ComfyUiBackendException.class,
                        e -> assertThat(e.failure()).isEqualTo(ComfyUiFailure.INTERRUPTED));
        assertThat(second.prompts()).isEmpty();
    }

    @Test
    void healthCountsTheServersThatAnswer() {
        assertThat(router.health().detail()).startsWith("2 of 2 servers up");

        first.stop();
        BackendHealth one = router.health();
        second.stop();
        BackendHealth none = router.health();

        assertThat(one.healthy()).isTrue();
        assertThat(one.detail()).startsWith("1 of 2 servers up").contains("Connection refused");
        assertThat(none.healthy()).isFalse();
        assertThat(router.name()).isEqualTo("comfyui-pool[" + nameOf(first) + "," + nameOf(second) + "]");
    }

    @Test
    void systemStatsComeFromAServerThatAnswers() {
        first.stop();

        assertThat(router.systemStats().gpu().name()).isEqualTo("NVIDIA GeForce RTX 4090");
    }

    @Test
    void serverAddressesAreReadFromOneLine() {
        assertThat(RoutingBackend.parseServers("http://gpu1:8188, http://gpu2:8188 http://gpu3:8188"))
                .containsExactly(URI.create("http://gpu1:8188"), URI.create("http://gpu2:8188"),
                        URI.create("http://gpu3:8188"));
        assertThatThrownBy(() -> RoutingBackend.parseServers(" , ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no ComfyUI server address given");
        assertThatThrownBy(() -> RoutingBackend.parseServers("http://gpu1:8188,gpu2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gpu2'");
    }
}
