package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which outcomes count, and how execute and executeOutcome hand them back. */
class CircuitBreakerClassificationTest {

    private final FakeClock clock = new FakeClock();

    private CircuitBreakerBuilder builder() {
        return CircuitBreaker.builder("classify").clock(clock).failureThreshold(2);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void failuresRecordIfRejectsCountAsSuccesses() {
        CircuitBreaker breaker = builder().recordIf(e -> e instanceof IOException).build();
        breaker.onFailure(0, new IOException("refused"));

        breaker.onFailure(0, new IllegalArgumentException("width must be a multiple of 16"));
        breaker.onFailure(0, new IOException("refused"));

        assertThat(breaker.state()).as("the service answered in between").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.statistics()).extracting(CircuitBreakerStatistics::successes,
                CircuitBreakerStatistics::failures).containsExactly(1L, 2L);
    }

    @Test
    void ignoredFailuresCountAsNothing() {
        CircuitBreaker breaker = builder().ignoreIf(e -> e instanceof InterruptedException).build();
        breaker.onFailure(0, new IOException("refused"));

        breaker.onFailure(0, new InterruptedException("user cancelled"));
        breaker.onFailure(0, new IOException("refused"));

        assertThat(breaker.state()).as("two failures in a row, the ignored one between them").isEqualTo(CircuitState.OPEN);
        assertThat(breaker.statistics().ignored()).isEqualTo(1);
    }

    @Test
    void ignoreIfWinsOverRecordIf() {
        CircuitBreaker breaker = builder().recordIf(e -> true).ignoreIf(e -> e instanceof TimeoutException).build();

        breaker.onFailure(0, new TimeoutException());

        assertThat(breaker.statistics().ignored()).isEqualTo(1);
        assertThat(breaker.statistics().failures()).isZero();
    }

    @Test
    void rejectionsByInnerPoliciesAreAlwaysIgnored() {
        CircuitBreaker inner = CircuitBreaker.builder("inner").clock(clock).build();
        inner.isolate();
        CircuitBreaker outer = builder().build();

        for (int i = 0; i < 3; i++) {
            outer.executeOutcome(() -> inner.execute(() -> "never"));
        }

        assertThat(outer.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(outer.statistics().ignored()).isEqualTo(3);
    }

    @Test
    void resultsRecordResultAcceptsCountAsFailuresButAreStillReturned() {
        CircuitBreaker breaker = builder().recordResult(r -> "FAILED".equals(r)).build();

        assertThat(breaker.execute(() -> "FAILED")).isEqualTo("FAILED");
        assertThat(breaker.executeOutcome(() -> "FAILED")).isEqualTo(new Outcome.Success<>("FAILED"));

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.statistics().failures()).isEqualTo(2);
    }

    @Test
    void nullResultsReachTheResultPredicate() {
        CircuitBreaker breaker = builder().recordResult(r -> r == null).build();

        breaker.execute(() -> null);
        breaker.onResult(0, null);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void throwingPredicateCountsTheCallAsAFailureAndLeavesNoProbeStuck() {
        CircuitBreaker breaker = builder().failureThreshold(1).successThreshold(1)
                .recordIf(e -> {
                    throw new IllegalStateException("broken predicate");
                }).build();
        breaker.open();
        clock.advance(breaker.config().openDuration());

        breaker.executeOutcome(() -> {
            throw new IOException("refused");
        });

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.statistics().failures()).isEqualTo(1);
    }

    @Test
    void uncheckedFailuresAndErrorsPropagateUnchanged() {
        CircuitBreaker breaker = builder().build();
        UncheckedIOException unchecked = new UncheckedIOException(new IOException("reset"));
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> breaker.execute(() -> {
            throw unchecked;
        })).isSameAs(unchecked);
        assertThatThrownBy(() -> breaker.execute(() -> {
            throw oom;
        })).isSameAs(oom);
        assertThat(breaker.statistics().failures()).isEqualTo(2);
    }

    @Test
    void checkedFailuresAreWrappedInCallFailedException() {
        CircuitBreaker breaker = builder().build();
        IOException refused = new IOException("refused");

        assertThatThrownBy(() -> breaker.execute(() -> {
            throw refused;
        })).isInstanceOf(CallFailedException.class).cause().isSameAs(refused);
    }

    @Test
    void executeOutcomeClassifiesFailuresWithTheConfiguredClassifier() {
        Classification gpu = Classification.of(ErrorCategory.MEMORY, Severity.HIGH, Disposition.ADJUST_AND_RETRY,
                "GPU_OOM", "CUDA out of memory");
        CircuitBreaker breaker = builder().classifier(failure -> gpu).build();
        IOException failure = new IOException("CUDA out of memory");

        Outcome<String> outcome = breaker.executeOutcome(() -> {
            throw failure;
        });

        assertThat(outcome).isEqualTo(new Outcome.Failure<String>(failure, gpu));
    }

    @Test
    void executeOutcomeUsesTheDefaultClassifierByDefault() {
        CircuitBreaker breaker = builder().build();

        Outcome<String> outcome = breaker.executeOutcome(() -> {
            throw new java.net.ConnectException("Connection refused");
        });

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.classification().code()).isEqualTo("NET_CONNECTION_REFUSED"));
    }

    @Test
    void executeOutcomeRejectsWithACircuitOpenException() {
        CircuitBreaker breaker = builder().build();
        breaker.open();

        Outcome<String> outcome = breaker.executeOutcome(() -> "never");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
            assertThat(r.rejection()).isInstanceOf(CircuitOpenException.class);
            assertThat(r.rejection().policyName()).isEqualTo("classify");
        });
        assertThat(breaker.statistics().notPermitted()).isEqualTo(1);
    }

    @Test
    void executeOutcomeRestoresTheInterruptFlag() {
        CircuitBreaker breaker = builder().build();

        breaker.executeOutcome(() -> {
            throw new InterruptedException("cancelled");
        });

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void executeRestoresTheInterruptFlag() {
        CircuitBreaker breaker = builder().build();

        assertThatThrownBy(() -> breaker.execute(() -> {
            throw new InterruptedException("cancelled");
        })).isInstanceOf(CallFailedException.class);

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
