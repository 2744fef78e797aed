package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.FakeScheduler;
import dev.storycore.resilience.testing.RecordingListener;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Asynchronous retries on a fake scheduler: waits are scheduled tasks, never blocked threads. */
class RetryAsyncTest {

    private final FakeClock clock = new FakeClock();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final RecordingListener<RetryEvent> events = new RecordingListener<>();
    private final List<CompletableFuture<String>> attempts = new ArrayList<>();

    private RetryBuilder retry() {
        return Retry.builder("async").jitter(Jitter.NONE).scheduler(scheduler).listener(events)
                .sleeper(duration -> {
                    throw new AssertionError("an asynchronous retry must not sleep");
                });
    }

    /** Each attempt returns a new, incomplete future the test completes. */
    private final Supplier<CompletionStage<String>> pending = () -> {
        var attempt = new CompletableFuture<String>();
        attempts.add(attempt);
        return attempt;
    };

    private Supplier<CompletionStage<String>> failing(int times, Exception failure) {
        var count = new AtomicInteger();
        return () -> count.getAndIncrement() < times
                ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture("ok");
    }

    @Test
    void schedulesEachRetryInsteadOfWaiting() {
        CompletableFuture<String> result = retry().build().executeAsync(failing(2, new IOException("reset")))
                .toCompletableFuture();

        assertThat(result).isNotDone();
        assertThat(scheduler.requestedDelays()).containsExactly(Duration.ofSeconds(1));

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(result).isNotDone();
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(result).isCompletedWithValue("ok");
        assertThat(scheduler.requestedDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void completesWithExhaustionWhenEveryAttemptFails() {
        var refused = new ConnectException("refused");
        CompletableFuture<String> result = retry().build().executeAsync(failing(9, refused)).toCompletableFuture();

        scheduler.runAll(10);

        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((value, failure) -> failure).join())
                .isInstanceOfSatisfying(RetriesExhaustedException.class, exhausted -> {
                    assertThat(exhausted.attempts()).isEqualTo(3);
                    assertThat(exhausted).hasCause(refused);
                });
    }

    @Test
    void completesWithAFailureNoRuleMatchesUnchangedAndAtOnce() {
        var bug = new IllegalStateException("bug");

        CompletableFuture<String> result = retry().build().executeAsync(failing(1, bug)).toCompletableFuture();

        assertThat(result.handle((value, failure) -> failure).join()).isSameAs(bug);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void retriesAttemptsThatCompleteLaterOnAnotherPath() {
        CompletableFuture<String> result = retry().build().executeAsync(pending).toCompletableFuture();

        attempts.get(0).completeExceptionally(new IOException("reset"));
        scheduler.advance(Duration.ofSeconds(1));
        attempts.get(1).complete("rendered");

        assertThat(result).isCompletedWithValue("rendered");
        assertThat(events.events()).last().isEqualTo(new RetryEvent.Succeeded("async", 2));
    }

    @Test
    void cancellingTheResultStopsFurtherAttempts() {
        Retry retry = retry().maxAttempts(5).build();
        CompletableFuture<String> result = retry.executeAsync(pending).toCompletableFuture();
        attempts.get(0).completeExceptionally(new IOException("reset"));

        result.cancel(true);
        scheduler.runAll(10);

        assertThat(attempts).hasSize(1);
        assertThat(retry.statistics().cancelled()).isEqualTo(1);
        assertThat(retry.statistics().finishedCalls()).isEqualTo(1);
        assertThat(events.events()).last().isEqualTo(new RetryEvent.Cancelled("async", 1));
    }

    @Test
    void cancellingTheResultCancelsTheRunningAttempt() {
        CompletableFuture<String> result = retry().build().executeAsync(pending).toCompletableFuture();

        result.cancel(true);

        assertThat(attempts.get(0)).isCancelled();
    }

    @Test
    void aSupplierThatThrowsCountsAsAFailedAttempt() {
        var calls = new AtomicInteger();
        CompletableFuture<String> result = retry().build().<String>executeAsync(() -> {
            if (calls.getAndIncrement() == 0) {
                throw new java.io.UncheckedIOException(new IOException("no socket"));
            }
            return CompletableFuture.completedFuture("ok");
        }).toCompletableFuture();

        scheduler.runAll(10);

        assertThat(result).isCompletedWithValue("ok");
        assertThat(calls).hasValue(2);
    }

    @Test
    void retriesOnResultsAndReturnsTheLastWhenAttemptsRunOut() {
        Retry retry = retry().retryOnResult("QUEUED"::equals).build();
        CompletableFuture<String> result = retry.executeAsync(() -> CompletableFuture.completedFuture("QUEUED"))
                .toCompletableFuture();

        scheduler.runAll(10);

        assertThat(result).isCompletedWithValue("QUEUED");
        assertThat(retry.statistics().exhausted()).isEqualTo(1);
    }

    @Test
    void asynchronousWaitsHonourTheRequestedDelay() {
        Retry retry = retry().delayFrom(outcome -> java.util.Optional.of(Duration.ofMillis(40))).build();

        retry.executeAsync(failing(1, new IOException("429")));

        assertThat(scheduler.requestedDelays()).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void statisticsCountRetriesOfAsynchronousCalls() {
        Retry retry = retry().build();

        retry.executeAsync(failing(2, new IOException("reset")));
        scheduler.runAll(10);

        assertThat(retry.statistics()).isEqualTo(new RetryStatistics(1, 3, 2, 0, 1, 0, 0, 0, 0));
    }
}
