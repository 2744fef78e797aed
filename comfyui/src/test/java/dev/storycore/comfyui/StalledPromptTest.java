package dev.storycore.comfyui;

import static dev.storycore.comfyui.BackendFixtures.job;
import static dev.storycore.comfyui.BackendFixtures.ti2v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.comfyui.fake.FakeComfyUi;
import dev.storycore.comfyui.fake.Fault;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.errors.GenerationErrorClassifier;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stall watchdog on the fake server. Time is a fake clock that the listener moves on: a prompt's
 * silence is simulated by advancing the clock by at least the silence timeout once the prompt has
 * said its last word, so the watch checks the server at once instead of waiting on the socket.
 */
class StalledPromptTest {

    private static final Duration SILENCE = Duration.ofSeconds(30);

    @TempDir
    Path out;
    private final FakeClock clock = new FakeClock();
    private final List<ExecutionEvent> events = new CopyOnWriteArrayList<>();
    private FakeComfyUi server;
    private ComfyUiClient client;

    @BeforeEach
    void start() throws Exception {
        server = BackendFixtures.serverWithEverything();
        client = ComfyUiClient.create(watchdog(TestSupport.config(server)).build());
    }

    @AfterEach
    void stop() {
        server.releaseHeldPrompts();
        client.close();
        server.close();
    }

    /** Real-world limits on the fake clock: 30 s of silence before a check, 5 min to stall, 2 h per job. */
    private ComfyUiConfig.Builder watchdog(ComfyUiConfig.Builder builder) {
        return builder.clock(clock).sleeper(new RecordingSleeper(clock)).silenceTimeout(SILENCE)
                .stallTimeout(Duration.ofMinutes(5)).jobTimeout(Duration.ofHours(2));
    }

    private <T extends ExecutionEvent> Stream<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    private static boolean running(ExecutionEvent event) {
        return event instanceof ExecutionEvent.StillQueued still && still.running();
    }

    @Test
    void aRunningPromptSilentForTheStallTimeoutIsReportedStalledNamingItsNode() {
        server.nextPromptFaults(Fault.HOLD);

        // The prompt hangs after its first sampler step; each check then finds it running 30 s later.
        ExecutionResult result = client.execute(TestSupport.workflow(), event -> {
            events.add(event);
            if (event instanceof ExecutionEvent.Progress || running(event)) {
                clock.advance(SILENCE);
            }
        });

        ExecutionResult.Lost lost = (ExecutionResult.Lost) result;
        assertThat(lost.reason()).isEqualTo(LossReason.STALLED);
        assertThat(lost.message()).isEqualTo("prompt " + result.promptId() + " on " + server.baseUri()
                + " stalled: running, but no progress for 300 s (stall timeout 300 s);"
                + " last executing KSampler (node 3)");
        assertThat(lost.toException()).isInstanceOf(ComfyUiTimeoutException.class);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(eventsOf(ExecutionEvent.StillQueued.class)).hasSize(9).allMatch(ExecutionEvent.StillQueued::running);
    }

    @Test
    void aPromptQueuedBehindAnotherForLongerThanTheStallTimeoutIsNotStalled() {
        server.nextPromptFaults(Fault.HOLD);
        PromptAccepted ahead = client.submit(TestSupport.workflow());

        // Each status message and each check that finds the prompt waiting moves the clock a minute on;
        // after ten minutes the prompt ahead is let go.
        ExecutionResult result = client.execute(TestSupport.workflow(), event -> {
            events.add(event);
            boolean waiting = event instanceof ExecutionEvent.StillQueued still && !still.running();
            if (waiting || event instanceof ExecutionEvent.Status) {
                if (clock.elapsed().compareTo(Duration.ofMinutes(10)) < 0) {
                    clock.advance(Duration.ofMinutes(1));
                } else {
                    server.releaseHeldPrompts();
                }
            }
        });

        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        assertThat(result.promptId()).isNotEqualTo(ahead.promptId());
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(eventsOf(ExecutionEvent.StillQueued.class).filter(still -> !still.running())).hasSizeGreaterThan(5);
        assertThat(server.interrupts()).isEmpty();
    }

    @Test
    void aPromptThatKeepsTalkingIsNotStalledHoweverLongItRuns() {
        ObjectNode workflow = TestSupport.workflow();
        ((ObjectNode) workflow.path("3").path("inputs")).put("steps", 20);
        server.nextPromptFaults(Fault.STEPWISE);

        // A sampler step a minute for twenty minutes; after each one the watch checks the server.
        ExecutionResult result = client.execute(workflow, event -> {
            events.add(event);
            if (event instanceof ExecutionEvent.Progress) {
                clock.advance(Duration.ofMinutes(1));
                server.allowStep();
            }
        });

        // The check after step 19 may already find the prompt done, before step 20 is read.
        assertThat(result).isInstanceOf(ExecutionResult.Success.class);
        assertThat(eventsOf(ExecutionEvent.Progress.class)).hasSizeGreaterThanOrEqualTo(19);
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(19));
        assertThat(events.stream().filter(StalledPromptTest::running)).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void aStalledJobIsInterruptedOnTheServerAndClassifiedAsATimeoutToRetryAsIs() {
        ComfyUiBackend backend = ComfyUiBackend.connect(server.baseUri(), ComfyUiBackendOptions.builder()
                .client(builder -> watchdog(BackendFixtures.fastClient().apply(builder))).build());
        server.nextPromptFaults(Fault.HOLD);

        ComfyUiBackendException failure = catchThrowableOfType(ComfyUiBackendException.class,
                () -> backend.generate(job("hangs", ti2v().build(), out), progress -> {
                    if (progress.message().startsWith("step ") || progress.message().equals("running")) {
                        clock.advance(SILENCE);
                    }
                }));

        String promptId = server.prompts().get(0).path("prompt_id").asText();
        assertThat(failure.failure()).isEqualTo(ComfyUiFailure.STALLED);
        assertThat(failure.failure().serverFailure()).isTrue();
        assertThat(failure.report()).isEqualTo("prompt " + promptId + " on " + server.baseUri()
                + " stalled: running, but no progress for 300 s (stall timeout 300 s); last executing KSampler (node 8)"
                + "; stall timeout reached, the prompt was stopped on the server to free the GPU");
        assertThat(server.interrupts()).containsExactly(promptId);
        GenerationError error = new GenerationErrorClassifier().classify(failure.report(), "wan2.2-ti2v-5b");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.TIMEOUT);
        assertThat(error.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
        assertThat(error.code()).isEqualTo("REQUEST_TIMEOUT");
        assertThat(new GenerationErrorClassifier().classifyFailure(failure).code()).isEqualTo("REQUEST_TIMEOUT");
        backend.close();
    }
}
