package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.resilience.testing.RecordingSleeper;
import dev.storycore.resilience.testing.SequenceRandom;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Synchronous retries: how often, how long between attempts, and how a call ends. */
class RetryTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final AtomicInteger attempts = new AtomicInteger();

    private RetryBuilder retry() {
        return Retry.builder("comfyui").jitter(Jitter.NONE).sleeper(sleeper);
    }

    /** A call that throws the given failures in turn, then returns "ok". */
    private Call<String> failing(Exception... failures) {
        return () -> {
            int attempt = attempts.getAndIncrement();
            if (attempt < failures.length) {
                throw failures[attempt];
            }
            return "ok";
        };
    }

    private Call<String> alwaysFailing(Exception failure) {
        return () -> {
            attempts.incrementAndGet();
            throw failure;
        };
    }

    @Test
    void returnsAtOnceWhenTheFirstAttemptSucceeds() {
        assertThat(retry().build().execute(failing())).isEqualTo("ok");
        assertThat(attempts).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retriesConnectionFailuresUntilTheCallSucceeds() {
        String value = retry().build().execute(failing(new ConnectException("refused"), new IOException("reset")));

        assertThat(value).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void waitsOneTwoFourSecondsAndSoOnCappedAtSixty() {
        Retry retry = retry().maxAttempts(10).build();

        retry.executeOutcome(alwaysFailing(new IOException("down")));

        assertThat(sleeper.sleeps()).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void fixedBackoffWaitsTheSameEveryTime() {
        Retry retry = retry().maxAttempts(4).backoff(Backoff.fixed(Duration.ofMillis(300))).build();

        retry.executeOutcome(alwaysFailing(new IOException("down")));

        assertThat(sleeper.sleeps()).containsExactly(
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void defaultJitterSpreadsWaitsByAQuarter() {
        Retry retry = Retry.builder("spread").sleeper(sleeper).random(new SequenceRandom(0.0, 0.999)).build();

        retry.executeOutcome(alwaysFailing(new IOException("down")));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(2499));
    }

    @Test
    void failuresNoRuleMatchesAreRethrownUnchangedAfterOneAttempt() {
        var bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> retry().build().execute(alwaysFailing(bug))).isSameAs(bug);
        assertThat(attempts).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void checkedFailuresNoRuleMatchesAreWrappedInCallFailedException() {
        var checked = new Exception("checked");

        assertThatThrownBy(() -> retry().build().execute(alwaysFailing(checked)))
                .isInstanceOf(CallFailedException.class).hasCause(checked);
    }

    @Test
    void retriesTimeoutsOfBothKindsByDefault() {
        String value = retry().build().execute(failing(
                new java.util.concurrent.TimeoutException("slow"), new TimeoutExceededException("t", Duration.ofSeconds(1))));

        assertThat(value).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void retryOnReplacesTheDefaultTypes() {
        Retry retry = retry().retryOn(IllegalStateException.class).build();

        assertThat(retry.execute(failing(new IllegalStateException("busy")))).isEqualTo("ok");
        var io = new IOException("no longer retried");
        assertThatThrownBy(() -> retry.execute(alwaysFailing(io))).isInstanceOf(CallFailedException.class).hasCause(io);
        assertThat(retry.config().retryOn()).containsExactly(IllegalStateException.class);
    }

    @Test
    void retryOnAndRetryIfRulesAddUp() {
        Retry retry = retry().maxAttempts(5).retryOn(IllegalStateException.class)
                .retryIf(failure -> failure.getMessage().startsWith("503")).build();

        String value = retry.execute(failing(new IllegalStateException("busy"), new RuntimeException("503 unavailable")));

        assertThat(value).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void retryIfAloneAlsoReplacesTheDefaultTypes() {
        Retry retry = retry().retryIf(failure -> failure instanceof ArithmeticException).build();

        assertThat(retry.execute(failing(new ArithmeticException("nan")))).isEqualTo("ok");
        assertThatThrownBy(() -> retry.execute(alwaysFailing(new ConnectException("refused"))))
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void abortOnStopsAtOnceEvenWhenARetryRuleMatches() {
        var missing = new FileNotFoundException("model.safetensors");
        Retry retry = retry().abortOn(FileNotFoundException.class).build();

        assertThatThrownBy(() -> retry.execute(alwaysFailing(missing)))
                .isInstanceOf(CallFailedException.class).hasCause(missing);
        assertThat(attempts).hasValue(1);
        assertThat(retry.statistics().aborted()).isEqualTo(1);
    }

    @Test
    void abortIfStopsWhenThePredicateMatchesALaterFailure() {
        var fatal = new IOException("disk full");
        Retry retry = retry().abortIf(failure -> failure.getMessage().contains("disk")).build();

        assertThatThrownBy(() -> retry.execute(failing(new IOException("reset"), fatal))).hasCause(fatal);
        assertThat(attempts).hasValue(2);
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void rulesLookThroughCallFailedExceptionFromInnerPolicies() {
        String value = retry().build().execute(failing(new CallFailedException(new ConnectException("refused"))));

        assertThat(value).isEqualTo("ok");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void retriesValuesTheResultRuleMatchesAndReturnsTheFirstOtherValue() {
        var statuses = List.of("QUEUED", "RUNNING", "DONE");
        Retry retry = retry().maxAttempts(5).retryOnResult(status -> !"DONE".equals(status)).build();

        String status = retry.execute(() -> statuses.get(attempts.getAndIncrement()));

        assertThat(status).isEqualTo("DONE");
        assertThat(sleeper.sleeps()).hasSize(2);
        assertThat(retry.statistics().successesAfterRetry()).isEqualTo(1);
    }

    @Test
    void returnsTheLastValueWhenAttemptsRunOutOnResults() {
        Retry retry = retry().retryOnResult("FAILED"::equals).build();

        String status = retry.execute(() -> {
            attempts.incrementAndGet();
            return "FAILED";
        });

        assertThat(status).isEqualTo("FAILED");
        assertThat(attempts).hasValue(3);
        assertThat(retry.statistics().exhausted()).isEqualTo(1);
    }

    @Test
    void exhaustionReportsAttemptsTheLastFailureAsCauseAndEarlierOnesSuppressed() {
        var first = new ConnectException("refused");
        var second = new IOException("reset");
        var third = new IOException("closed");

        var exhausted = catchThrowableOfType(RetriesExhaustedException.class,
                () -> retry().build().execute(failing(first, second, third)));

        assertThat(exhausted.retryName()).isEqualTo("comfyui");
        assertThat(exhausted.attempts()).isEqualTo(3);
        assertThat(exhausted).hasCause(third).hasMessageContaining("gave up after 3 attempts");
        assertThat(exhausted.getSuppressed()).containsExactly(first, second);
    }

    @Test
    void exhaustionNeverSuppressesTheSameFailureTwiceNorTheCause() {
        var repeated = new IOException("reset");
        var last = new IOException("closed");

        var exhausted = catchThrowableOfType(RetriesExhaustedException.class,
                () -> retry().maxAttempts(4).build().execute(failing(repeated, repeated, last, last)));
        var sameEveryTime = catchThrowableOfType(RetriesExhaustedException.class,
                () -> retry().build().execute(alwaysFailing(repeated)));

        assertThat(exhausted.getSuppressed()).containsExactly(repeated);
        assertThat(sameEveryTime).hasCause(repeated);
        assertThat(sameEveryTime.getSuppressed()).isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetryButStillReportsExhaustion() {
        var exhausted = catchThrowableOfType(RetriesExhaustedException.class,
                () -> retry().maxAttempts(1).build().execute(alwaysFailing(new IOException("down"))));

        assertThat(exhausted.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void interruptDuringAWaitStopsRetryingAndKeepsTheInterruptFlag() {
        var down = new IOException("down");
        Retry retry = retry().sleeper(duration -> {
            throw new InterruptedException("shutting down");
        }).build();

        var thrown = catchThrowableOfType(CallFailedException.class, () -> retry.execute(alwaysFailing(down)));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(thrown).hasCauseInstanceOf(InterruptedException.class);
        assertThat(thrown.getCause().getSuppressed()).containsExactly(down);
        assertThat(attempts).hasValue(1);
        assertThat(retry.statistics().cancelled()).isEqualTo(1);
    }

    @Test
    void anInterruptedCallIsNotRetriedAndLeavesTheFlagSet() {
        var interrupt = new InterruptedException("cancelled");

        assertThatThrownBy(() -> retry().build().execute(alwaysFailing(interrupt))).hasCause(interrupt);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(attempts).hasValue(1);
    }
}
