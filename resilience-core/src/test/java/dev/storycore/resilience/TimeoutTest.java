package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.FakeScheduler;
import dev.storycore.resilience.testing.RecordingListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts on a fake scheduler that the tests fire by hand, from this or another thread. */
class TimeoutTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final FakeScheduler scheduler = new FakeScheduler(new FakeClock());
    private final RecordingListener<TimeoutEvent> events = new RecordingListener<>();
    private final Timeout timeout = Timeout.builder("render").timeout(LIMIT).scheduler(scheduler).listener(events).build();

    @AfterEach
    void leavesNoInterruptBehind() {
        assertThat(Thread.interrupted()).as("stray interrupt").isFalse();
    }

    @Test
    void returnsTheValueOfACallThatFinishesInTime() {
        assertThat(timeout.execute(() -> "frame")).isEqualTo("frame");

        scheduler.advance(LIMIT.multipliedBy(2));

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(timeout.statistics()).isEqualTo(new TimeoutStatistics(1, 0, 0));
        assertThat(events.events()).containsExactly(new TimeoutEvent.Succeeded("render"));
    }

    @Test
    void interruptsACallBlockedOnALatchAtTheDeadline() throws InterruptedException {
        var blocked = new CountDownLatch(1);
        var neverReleased = new CountDownLatch(1);
        var firing = new AtomicReference<Throwable>();
        Thread timer = Thread.ofPlatform().start(() -> {
            try {
                blocked.await();
                scheduler.advance(LIMIT);
            } catch (Throwable t) {
                firing.set(t);
            }
        });

        var exceeded = catchThrowableOfType(TimeoutExceededException.class, () -> timeout.execute(() -> {
            blocked.countDown();
            neverReleased.await();
            return "never";
        }));
        timer.join();

        assertThat(firing.get()).isNull();
        assertThat(exceeded.timeoutName()).isEqualTo("render");
        assertThat(exceeded.timeout()).isEqualTo(LIMIT);
        assertThat(exceeded.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(timeout.statistics().timeouts()).isEqualTo(1);
    }

    @Test
    void aCallThatIgnoresTheInterruptStillFailsAndLeavesNoInterrupt() {
        assertThatThrownBy(() -> timeout.execute(() -> {
            scheduler.advance(LIMIT);
            return "finished late, interrupt ignored";
        })).isInstanceOf(TimeoutExceededException.class);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(events.events()).containsExactly(new TimeoutEvent.Exceeded("render", LIMIT));
    }

    @Test
    void rethrowsAFailureInTimeUnchanged() {
        var bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> timeout.execute(() -> {
            throw bug;
        })).isSameAs(bug);
        assertThat(timeout.statistics()).isEqualTo(new TimeoutStatistics(0, 1, 0));
    }

    @Test
    void wrapsACheckedFailureInTime() {
        var checked = new java.io.IOException("reset");

        assertThatThrownBy(() -> timeout.execute(() -> {
            throw checked;
        })).isInstanceOf(CallFailedException.class).hasCause(checked);
    }

    @Test
    void executeOutcomeReportsATimeoutAsAClassifiedFailure() {
        Outcome<String> outcome = timeout.executeOutcome(() -> {
            scheduler.advance(LIMIT);
            return "late";
        });

        var failure = (Outcome.Failure<String>) outcome;
        assertThat(failure.error()).isInstanceOf(TimeoutExceededException.class);
        assertThat(failure.classification().code()).isEqualTo("TIMEOUT");
        assertThat(timeout.executeOutcome(() -> "in time")).isEqualTo(new Outcome.Success<>("in time"));
    }

    @Test
    void aTimeoutIsRetriedByDefault() {
        var sleeper = new dev.storycore.resilience.testing.RecordingSleeper();
        Retry retry = Retry.builder("retry").sleeper(sleeper).build();
        var attempts = new java.util.concurrent.atomic.AtomicInteger();

        String value = retry.execute(() -> timeout.execute(() -> {
            if (attempts.getAndIncrement() == 0) {
                scheduler.advance(LIMIT);
            }
            return "second time";
        }));

        assertThat(value).isEqualTo("second time");
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void asyncCompletesWithTimeoutAtTheDeadlineAndCancelsTheCall() {
        var call = new CompletableFuture<String>();
        CompletableFuture<String> result = timeout.executeAsync(() -> call).toCompletableFuture();

        scheduler.advance(LIMIT.minusMillis(1));
        assertThat(result).isNotDone();
        scheduler.advance(Duration.ofMillis(1));

        assertThat(result.handle((value, failure) -> failure).join()).isInstanceOf(TimeoutExceededException.class);
        assertThat(call).isCancelled();
        assertThat(timeout.statistics().timeouts()).isEqualTo(1);
    }

    @Test
    void asyncPassesAValueInTimeAndCancelsTheDeadline() {
        var call = new CompletableFuture<String>();
        CompletableFuture<String> result = timeout.executeAsync(() -> call).toCompletableFuture();

        call.complete("clip");
        scheduler.advance(LIMIT);

        assertThat(result).isCompletedWithValue("clip");
        assertThat(timeout.statistics()).isEqualTo(new TimeoutStatistics(1, 0, 0));
    }

    @Test
    void asyncPassesAFailureInTimeUnchanged() {
        var refused = new java.net.ConnectException("refused");

        CompletableFuture<String> result = timeout.<String>executeAsync(() -> CompletableFuture.failedFuture(refused))
                .toCompletableFuture();

        assertThat(result.handle((value, failure) -> failure).join()).isSameAs(refused);
        assertThat(timeout.statistics().failures()).isEqualTo(1);
    }

    @Test
    void cancellingTheAsyncResultCancelsTheCall() {
        var call = new CompletableFuture<String>();
        CompletableFuture<String> result = timeout.executeAsync(() -> call).toCompletableFuture();

        result.cancel(true);

        assertThat(call).isCancelled();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCall() {
        Timeout noisy = Timeout.builder("noisy").scheduler(scheduler).listener(event -> {
            throw new IllegalStateException("listener bug");
        }).build();

        assertThat(noisy.execute(() -> 1)).isEqualTo(1);
    }

    @Test
    void zeroOrNegativeTimeoutFailsAtBuildNamingTheParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeout.builder("t").timeout(Duration.ZERO).build())
                .withMessageContaining("timeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Timeout.builder("t").timeout(Duration.ofMillis(-5)).build())
                .withMessageContaining("timeout");
    }

    @Test
    void defaultsToThirtySecondsAndKeepsSettingsThroughToBuilder() {
        TimeoutConfig config = Timeout.builder("defaults").buildConfig();

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.toBuilder().timeout(Duration.ofMinutes(10)).buildConfig().name()).isEqualTo("defaults");
    }
}
