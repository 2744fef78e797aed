package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.Fault;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching prompts run on the fake server: the happy path and every scripted fault. */
class ExecutionWatchTest {

    private FakeComfyUi server;
    private ComfyUiClient client;
    private final List<ExecutionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = FakeComfyUi.start();
        client = ComfyUiClient.create(TestSupport.config(server).build());
    }

    @AfterEach
    void stop() {
        server.releaseHeldPrompts();
        client.close();
        server.close();
    }

    private <T extends ExecutionEvent> Stream<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    @Test
    void runsAPromptAndDownloadsItsOutput(@TempDir Path out) throws Exception {
        ExecutionResult result = client.execute(TestSupport.workflow(), events::add);

        ExecutionResult.Success success = (ExecutionResult.Success) result;
        assertThat(success.outputs()).containsOnlyKeys("28");
        OutputFile file = success.files().get(0);
        assertThat(file).isEqualTo(new OutputFile("ComfyUI_00001_.webp", "", FolderType.OUTPUT, "images"));
        Path written = client.download(file, out);
        assertThat(written).isEqualTo(out.toAbsolutePath().resolve("ComfyUI_00001_.webp"));
        assertThat(Files.readString(written)).contains("fake video ComfyUI_00001_.webp");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(written);
        }
    }

    @Test
    void reportsEventsInComfyUisOrder() {
        client.execute(TestSupport.workflow(), events::add);

        List<Class<?>> order = events.stream().filter(e -> !(e instanceof ExecutionEvent.Status))
                .<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(order).containsExactly(ExecutionEvent.Queued.class, ExecutionEvent.Started.class,
                ExecutionEvent.Cached.class, ExecutionEvent.Executing.class, ExecutionEvent.Progress.class,
                ExecutionEvent.Executed.class, ExecutionEvent.Succeeded.class, ExecutionEvent.Finished.class);
        assertThat(eventsOf(ExecutionEvent.Progress.class).map(ExecutionEvent.Progress::value))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(eventsOf(ExecutionEvent.Executing.class).map(ExecutionEvent.Executing::node))
                .containsExactly("37", "38", "39", "48", "6", "7", "55", "3", "8", "28");
    }

    @Test
    void anOutOfMemoryErrorEndsAsFailedWithEveryField() {
        server.nextPromptFaults(Fault.OOM);

        ExecutionResult result = client.execute(TestSupport.workflow(), events::add);

        ExecutionError error = ((ExecutionResult.Failed) result).error();
        assertThat(error.exceptionType()).isEqualTo("torch.OutOfMemoryError");
        assertThat(error.exceptionMessage()).startsWith("CUDA out of memory. Tried to allocate 2.50 GiB.");
        assertThat(error.nodeType()).isEqualTo("KSampler");
        assertThat(error.nodeId()).isEqualTo("3");
        assertThat(error.executed()).contains("37", "55");
        assertThat(error.currentInputs()).containsEntry("sampler_name", List.of("uni_pc"));
        assertThat(error.rawJson()).contains("torch.OutOfMemoryError");
        assertThat(((ExecutionResult.Failed) result).toException())
                .hasMessageStartingWith("KSampler (node 3): torch.OutOfMemoryError: CUDA out of memory.");
        assertThat(client.history(result.promptId()).orElseThrow().error()).contains(error);
    }

    @Test
    void aSilentSocketIsCoveredByPollingTheHistory() {
        server.nextPromptFaults(Fault.SILENT);

        ExecutionResult result = client.execute(TestSupport.workflow(), events::add);

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        assertThat(eventsOf(ExecutionEvent.SocketSilent.class)).isNotEmpty();
        assertThat(eventsOf(ExecutionEvent.Progress.class)).isEmpty();
    }

    @Test
    void aSocketDroppedMidJobIsRecoveredByPolling() {
        server.nextPromptFaults(Fault.DROP_SOCKET);

        ExecutionResult result = client.execute(TestSupport.workflow(), events::add);

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        assertThat(eventsOf(ExecutionEvent.SocketLost.class)).singleElement()
                .satisfies(lost -> assertThat(lost.reason()).contains("connection closed"));
    }

    @Test
    void aSocketDroppedMidJobIsReconnectedAndHeardAgain() {
        server.nextPromptFaults(Fault.DROP_SOCKET, Fault.HOLD);

        // The job stays held until the watch, back on a new socket, has seen it still running.
        ExecutionResult result = client.execute(TestSupport.workflow(), event -> {
            events.add(event);
            if (event instanceof ExecutionEvent.StillQueued && eventsOf(ExecutionEvent.SocketReconnected.class).count() > 0) {
                server.releaseHeldPrompts();
            }
        });

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        assertThat(server.webSocketConnections()).isEqualTo(2);
        int reconnected = events.indexOf(eventsOf(ExecutionEvent.SocketReconnected.class).findFirst().orElseThrow());
        List<ExecutionEvent> afterwards = events.subList(reconnected, events.size());
        assertThat(afterwards).anyMatch(e -> e instanceof ExecutionEvent.Progress p && p.value() == 2);
        assertThat(afterwards).last().isInstanceOf(ExecutionEvent.Finished.class);
    }

    @Test
    void aServerThatDiesMidJobIsReportedLostWithinTheDeadServerTimeout() {
        FakeClock clock = new FakeClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ComfyUiClient watching = ComfyUiClient.create(TestSupport.config(server)
                .clock(clock).sleeper(sleeper)
                .deadServerTimeout(Duration.ofSeconds(30))
                .jobTimeout(Duration.ofHours(1))
                .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .pollInterval(Duration.ofSeconds(2))
                .reconnectAttempts(5)
                .build());
        server.nextPromptFaults(Fault.DIE);

        ExecutionResult result = watching.execute(TestSupport.workflow(), events::add);

        ExecutionResult.Lost lost = (ExecutionResult.Lost) result;
        assertThat(lost.reason()).isEqualTo(LossReason.SERVER_UNREACHABLE);
        assertThat(lost.message()).contains("unreachable for 3").contains("Connection refused");
        assertThat(lost.toException()).isInstanceOf(ComfyUiUnavailableException.class);
        assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(38));
        assertThat(sleeper.sleeps()).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(2));
        watching.close();
    }

    @Test
    void aJobThatNeverEndsTimesOut() {
        ComfyUiClient watching = ComfyUiClient.create(TestSupport.config(server)
                .silenceTimeout(Duration.ofMillis(100)).jobTimeout(Duration.ofMillis(500)).build());
        server.nextPromptFaults(Fault.HOLD);

        ExecutionResult result = watching.execute(TestSupport.workflow(), events::add);

        ExecutionResult.Lost lost = (ExecutionResult.Lost) result;
        assertThat(lost.reason()).isEqualTo(LossReason.JOB_TIMEOUT);
        assertThat(lost.message()).contains("timed out after 500 ms");
        assertThat(lost.toException()).isInstanceOf(ComfyUiTimeoutException.class);
        assertThat(eventsOf(ExecutionEvent.StillQueued.class)).anyMatch(ExecutionEvent.StillQueued::running);
        watching.close();
    }

    @Test
    void anInterruptedPromptEndsAsInterrupted() throws Exception {
        server.nextPromptFaults(Fault.HOLD);
        String promptId = ComfyUiClient.newPromptId();
        CountDownLatch running = new CountDownLatch(1);

        CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(() ->
                client.execute(TestSupport.workflow(), promptId, event -> {
                    if (event instanceof ExecutionEvent.Progress) {
                        running.countDown();
                    }
                }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        client.interrupt(promptId);

        assertThat(run.get(5, TimeUnit.SECONDS)).isEqualTo(new ExecutionResult.Interrupted(promptId, "3", "KSampler"));
        assertThat(server.interrupts()).containsExactly(promptId);
    }

    @Test
    void theQueueShowsTheRunningAndThePendingPrompt() throws Exception {
        server.nextPromptFaults(Fault.HOLD);
        String first = ComfyUiClient.newPromptId();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(() ->
                client.execute(TestSupport.workflow(), first, event -> {
                    if (event instanceof ExecutionEvent.Progress) {
                        running.countDown();
                    }
                }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        PromptAccepted second = client.submit(TestSupport.workflow());
        QueueState queue = client.queue();

        assertThat(queue.isRunning(first)).isTrue();
        assertThat(queue.isPending(second.promptId())).isTrue();
        server.releaseHeldPrompts();
        assertThat(run.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionResult.Success.class);
        assertThat(client.watch(second.promptId(), ProgressListener.NONE)).isInstanceOf(ExecutionResult.Success.class);
    }

    @Test
    void ignoresMessagesAboutOtherPrompts() {
        server.nextPromptFaults(Fault.HOLD);
        PromptAccepted other = client.submit(TestSupport.workflow());

        ExecutionResult result = client.execute(TestSupport.workflow(), event -> {
            events.add(event);
            if (event instanceof ExecutionEvent.Queued) {
                server.releaseHeldPrompts();
            }
        });

        assertThat(result.promptId()).isNotEqualTo(other.promptId());
        assertThat(((ExecutionResult.Success) result).files()).extracting(OutputFile::filename)
                .containsExactly("ComfyUI_00002_.webp");
        assertThat(events).filteredOn(e -> !(e instanceof ExecutionEvent.Status))
                .allMatch(e -> MessageParsing.promptIdOf(e).equals(result.promptId()));
        assertThat(client.history(other.promptId()).orElseThrow().toResult()).isInstanceOf(ExecutionResult.Success.class);
    }

    @Test
    void aPromptTheServerDoesNotKnowIsReportedVanished() {
        ExecutionResult result = client.watch(ComfyUiClient.newPromptId(), events::add);

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Lost.class,
                lost -> assertThat(lost.reason()).isEqualTo(LossReason.PROMPT_VANISHED));
    }

    @Test
    void aTraversalNameFromTheHistoryIsRefusedAndNothingIsWritten(@TempDir Path root) throws Exception {
        Path out = Files.createDirectories(root.resolve("out"));
        server.nextOutputName("../../escape.webp");
        ExecutionResult.Success success = (ExecutionResult.Success) client.execute(TestSupport.workflow(), events::add);
        OutputFile evil = success.files().get(0);

        assertThatThrownBy(() -> client.download(evil, out))
                .isInstanceOf(ComfyUiProtocolException.class)
                .hasMessageContaining("refusing unsafe output file name '../../escape.webp'");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files).containsExactlyInAnyOrder(root, out);
        }
        assertThat(root.getParent().resolve("escape.webp")).doesNotExist();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheWatch() {
        ExecutionResult result = client.execute(TestSupport.workflow(), event -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
    }
}
