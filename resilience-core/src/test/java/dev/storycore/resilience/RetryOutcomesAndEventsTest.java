package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.RecordingListener;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Outcomes, events, statistics and waits asked for by the call itself. */
class RetryOutcomesAndEventsTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingListener<RetryEvent> events = new RecordingListener<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private RetryBuilder retry() {
        return Retry.builder("hub").jitter(Jitter.NONE).sleeper(sleeper).listener(events);
    }

    private Call<String> failing(int times, Exception failure) {
        return () -> {
            if (attempts.getAndIncrement() < times) {
                throw failure;
            }
            return "ok";
        };
    }

    /** Thrown by a server that says when to come back. */
    static final class RateLimitedException extends IOException {
        private static final long serialVersionUID = 1L;
        final Duration retryAfter;

        RateLimitedException(Duration retryAfter) {
            super("429 Too Many Requests");
            this.retryAfter = retryAfter;
        }
    }

    private static Optional<Duration> retryAfter(Outcome<?> outcome) {
        return outcome instanceof Outcome.Failure<?> failure && failure.error() instanceof RateLimitedException limited
                ? Optional.of(limited.retryAfter) : Optional.empty();
    }

    @Test
    void waitsAsLongAsTheServerAsksInsteadOfTheBackoff() {
        Retry retry = retry().delayFrom(RetryOutcomesAndEventsTest::retryAfter).build();

        retry.execute(failing(1, new RateLimitedException(Duration.ofSeconds(7))));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void capsTheRequestedWaitAtTheMaximumDelayAndNegativeAtZero() {
        Retry retry = retry().maxAttempts(3).delayFrom(RetryOutcomesAndEventsTest::retryAfter).build();
        var calls = new AtomicInteger();

        retry.execute(() -> switch (calls.getAndIncrement()) {
            case 0 -> throw new RateLimitedException(Duration.ofHours(1));
            case 1 -> throw new RateLimitedException(Duration.ofSeconds(-5));
            default -> "ok";
        });

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ZERO);
    }

    @Test
    void keepsTheBackoffWhenNoWaitIsRequested() {
        Retry retry = retry().delayFrom(RetryOutcomesAndEventsTest::retryAfter).build();

        retry.execute(failing(2, new ConnectException("refused")));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void requestedWaitCanComeFromARetriedResult() {
        Retry retry = retry().retryOnResult("BUSY"::equals)
                .delayFrom(outcome -> outcome instanceof Outcome.Success<?> ? Optional.of(Duration.ofSeconds(3))
                        : Optional.empty())
                .build();

        String value = retry.execute(() -> attempts.getAndIncrement() == 0 ? "BUSY" : "DONE");

        assertThat(value).isEqualTo("DONE");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void announcesEachRetryWithTheClassifiedFailureThenTheSuccess() {
        var refused = new ConnectException("refused");

        retry().build().execute(failing(2, refused));

        assertThat(events.events()).hasSize(3);
        var scheduled = events.eventsOf(RetryEvent.Scheduled.class);
        assertThat(scheduled).extracting(RetryEvent::attempts).containsExactly(1, 2);
        assertThat(scheduled).extracting(RetryEvent.Scheduled::delay)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        var outcome = (Outcome.Failure<?>) scheduled.get(0).outcome();
        assertThat(outcome.error()).isSameAs(refused);
        assertThat(outcome.classification().code()).isEqualTo("NET_CONNECTION_REFUSED");
        assertThat(events.events().get(2)).isEqualTo(new RetryEvent.Succeeded("hub", 3));
    }

    @Test
    void usesTheConfiguredClassifierForOutcomes() {
        ErrorClassifier gpuAware = failure -> Classification.of(ErrorCategory.MEMORY, Severity.HIGH,
                Disposition.ADJUST_AND_RETRY, "GPU_OOM", "out of memory on GPU 0");

        retry().classifier(gpuAware).build().execute(failing(1, new IOException("boom")));

        var outcome = (Outcome.Failure<?>) events.eventsOf(RetryEvent.Scheduled.class).get(0).outcome();
        assertThat(outcome.classification().code()).isEqualTo("GPU_OOM");
    }

    @Test
    void endsEveryCallWithExactlyOneTerminalEvent() {
        Retry retry = retry().abortOn(java.io.FileNotFoundException.class).build();

        retry.executeOutcome(() -> "first time");
        retry.executeOutcome(() -> {
            throw new IllegalStateException("bug");
        });
        retry.executeOutcome(() -> {
            throw new java.io.FileNotFoundException("gone");
        });
        retry.executeOutcome(() -> {
            throw new IOException("down");
        });

        assertThat(events.events()).filteredOn(event -> !(event instanceof RetryEvent.Scheduled))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Succeeded", "Failed", "Aborted", "Exhausted");
    }

    @Test
    void aThrowingListenerNeitherBreaksTheCallNorSilencesOtherListeners() {
        var after = new RecordingListener<RetryEvent>();
        Retry retry = Retry.builder("hub").jitter(Jitter.NONE).sleeper(sleeper)
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(after).build();

        assertThat(retry.execute(failing(1, new IOException("reset")))).isEqualTo("ok");
        assertThat(after.events()).hasSize(2);
    }

    @Test
    void statisticsAddUpOverMixedCalls() {
        Retry retry = retry().abortOn(java.io.FileNotFoundException.class).build();

        retry.execute(() -> "fine");
        retry.execute(failing(1, new IOException("reset")));
        retry.executeOutcome(() -> {
            throw new IllegalStateException("bug");
        });
        retry.executeOutcome(() -> {
            throw new IOException("down");
        });
        retry.executeOutcome(() -> {
            throw new java.io.FileNotFoundException("gone");
        });

        RetryStatistics stats = retry.statistics();
        assertThat(stats).isEqualTo(new RetryStatistics(5, 8, 3, 1, 1, 1, 1, 1, 0));
        assertThat(stats.finishedCalls()).isEqualTo(stats.calls());
    }

    @Test
    void executeOutcomeReturnsTheValueAsSuccess() {
        assertThat(retry().build().executeOutcome(failing(1, new IOException("reset"))))
                .isEqualTo(new Outcome.Success<>("ok"));
    }

    @Test
    void executeOutcomeReportsExhaustionClassifiedLikeItsLastFailure() {
        Outcome<String> outcome = retry().build().executeOutcome(failing(9, new ConnectException("refused")));

        var failure = (Outcome.Failure<String>) outcome;
        assertThat(failure.error()).isInstanceOf(RetriesExhaustedException.class);
        assertThat(failure.classification().code()).isEqualTo("NET_CONNECTION_REFUSED");
    }

    @Test
    void executeOutcomeKeepsCheckedFailuresUnwrapped() {
        var checked = new Exception("checked");

        Outcome<String> outcome = retry().build().executeOutcome(failing(1, checked));

        assertThat(((Outcome.Failure<String>) outcome).error()).isSameAs(checked);
    }

    @Test
    void executeOutcomeTurnsARefusalFromAnInnerPolicyIntoRejected() {
        var open = new CircuitOpenException("gpu", Duration.ofSeconds(30), false);

        Outcome<String> outcome = retry().build().executeOutcome(failing(1, open));

        assertThat(outcome).isEqualTo(new Outcome.Rejected<>(open));
        assertThatThrownBy(outcome::getOrThrow).isSameAs(open);
    }

    @Test
    void refusalsCanBeRetriedAfterTheBreakersRemainingOpenTime() {
        Retry retry = retry().retryOn(CircuitOpenException.class)
                .delayFrom(outcome -> outcome instanceof Outcome.Rejected<?> rejected
                        && rejected.rejection() instanceof CircuitOpenException open
                        ? Optional.of(open.remainingOpen()) : Optional.empty())
                .build();

        retry.execute(failing(1, new CircuitOpenException("gpu", Duration.ofSeconds(12), false)));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void executeOutcomeReportsAnInterruptedWaitAsFailureAndKeepsTheFlag() {
        Retry retry = retry().sleeper(duration -> {
            throw new InterruptedException("stop");
        }).build();

        Outcome<String> outcome = retry.executeOutcome(failing(1, new IOException("reset")));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(((Outcome.Failure<String>) outcome).classification().code()).isEqualTo("INTERRUPTED");
        assertThat(events.events()).last().isEqualTo(new RetryEvent.Cancelled("hub", 1));
    }

    @Test
    void theDefaultClassifierLooksThroughExhaustionToItsCause() {
        var exhausted = new RetriesExhaustedException("inner", 3, new ConnectException("refused"), java.util.List.of());

        assertThat(ErrorClassifier.defaults().classify(new CallFailedException(exhausted)).code())
                .isEqualTo("NET_CONNECTION_REFUSED");
    }

    @Test
    void anOuterRetrySeesThroughAnInnerRetrysExhaustion() {
        Retry inner = Retry.builder("inner").maxAttempts(2).jitter(Jitter.NONE).sleeper(sleeper).build();
        Retry outer = Retry.builder("outer").maxAttempts(2).jitter(Jitter.NONE).sleeper(sleeper).build();

        Outcome<String> outcome = outer.executeOutcome(() -> inner.execute(failing(99, new IOException("down"))));

        var thrown = (RetriesExhaustedException) ((Outcome.Failure<String>) outcome).error();

        assertThat(thrown.retryName()).isEqualTo("outer");
        assertThat(attempts).hasValue(4);
    }
}
