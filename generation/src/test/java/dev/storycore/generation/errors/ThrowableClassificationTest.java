package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.GenerationException;
import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.TimeoutExceededException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Java exceptions, with their cause chains, as a backend client throws them. */
class ThrowableClassificationTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    @Test
    void refusedConnectionInsideWrappersIsRetriedAsIs() {
        Throwable failure = new CompletionException(new ExecutionException(new ConnectException(null)));

        GenerationError error = CLASSIFIER.classifyFailure(failure);

        assertThat(error.code()).isEqualTo("BACKEND_CONNECTION_REFUSED");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.BACKEND_UNAVAILABLE);
        assertThat(error.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
    }

    @Test
    void closedChannelAndEndOfStreamAreAClosedConnection() {
        assertThat(CLASSIFIER.classifyFailure(new IOException("send failed", new ClosedChannelException())).code())
                .isEqualTo("BACKEND_CONNECTION_CLOSED");
        assertThat(CLASSIFIER.classifyFailure(new UncheckedIOException(new EOFException())).code())
                .isEqualTo("BACKEND_CONNECTION_CLOSED");
    }

    @Test
    void httpAndPolicyTimeoutsAreTimeouts() throws ReflectiveOperationException {
        // The generation module does not read java.net.http; the client module that throws this does.
        Throwable httpTimeout = (Throwable) Class.forName("java.net.http.HttpTimeoutException")
                .getConstructor(String.class).newInstance("request to /history");
        GenerationError http = CLASSIFIER.classifyFailure(httpTimeout);
        GenerationError policy =
                CLASSIFIER.classifyFailure(new TimeoutExceededException("comfyui", Duration.ofMinutes(5)));

        assertThat(http.category()).isEqualTo(GenerationErrorCategory.TIMEOUT);
        assertThat(policy.category()).isEqualTo(GenerationErrorCategory.TIMEOUT);
        assertThat(policy.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
    }

    @Test
    void unknownHostIsUnreachable() {
        assertThat(CLASSIFIER.classifyFailure(new UnknownHostException("comfy-worker-9")).code())
                .isEqualTo("BACKEND_UNREACHABLE");
    }

    @Test
    void aComfyPayloadCarriedInAMessageIsReadAsThePayload() {
        String payload = "{\"prompt_id\": \"p\", \"node_id\": \"3\", \"node_type\": \"KSampler\","
                + " \"exception_message\": \"CUDA out of memory. Tried to allocate 4.00 GiB.\","
                + " \"exception_type\": \"torch.cuda.OutOfMemoryError\", \"traceback\": []}";
        Throwable failure = new GenerationException("job failed", new IllegalStateException(payload));

        GenerationError error = CLASSIFIER.classifyFailure(failure, "wan2.2-ti2v-5b");

        assertThat(error.code()).isEqualTo("GPU_OOM");
        assertThat(error.details().nodeType()).isEqualTo("KSampler");
        assertThat(error.message()).contains("wan2.2-ti2v-5b", "4.00 GiB", "KSampler");
    }

    @Test
    void serverTextInAnIoExceptionWinsOverTheIoType() {
        Throwable failure = new IOException("worker returned: RuntimeError: CUDA error: out of memory");

        assertThat(CLASSIFIER.classifyFailure(failure).category()).isEqualTo(GenerationErrorCategory.MEMORY_MANAGEMENT);
    }

    @Test
    void cancellationAndInterruptionAreNotRetried() {
        assertThat(CLASSIFIER.classifyFailure(new CancellationException("stop")).category())
                .isEqualTo(GenerationErrorCategory.INTERRUPTED);
        assertThat(CLASSIFIER.classifyFailure(new InterruptedException()).disposition())
                .isEqualTo(Disposition.DO_NOT_RETRY);
    }

    @Test
    void jvmHeapExhaustionIsHostMemory() {
        assertThat(CLASSIFIER.classifyFailure(new OutOfMemoryError("Java heap space")).code()).isEqualTo("HOST_OOM");
    }

    @Test
    void aCyclicCauseChainIsWalkedOnce() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(ThrowableReportParser.chain(b)).hasSize(2);
        assertThat(CLASSIFIER.classifyFailure(b).code()).isEqualTo("UNKNOWN");
    }

    @Test
    void anUnrecognisedExceptionIsUnknownAndNamesItsType() {
        GenerationError error = CLASSIFIER.classifyFailure(new ArithmeticException("/ by zero"));

        assertThat(error.code()).isEqualTo("UNKNOWN");
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.message()).contains("ArithmeticException", "/ by zero");
    }

    @Test
    void anIllegalArgumentWithoutMoreMeaningIsAnInvalidRequest() {
        GenerationError error = CLASSIFIER.classifyFailure(new IllegalArgumentException("seed must not be negative"));

        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
    }

    @Test
    void servesAsTheCoreErrorClassifier() {
        Classification c = CLASSIFIER.classify(new ConnectException("Connection refused"));

        assertThat(c.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(c.retryableAsIs()).isTrue();
        assertThat(c.code()).isEqualTo("BACKEND_CONNECTION_REFUSED");
    }
}
