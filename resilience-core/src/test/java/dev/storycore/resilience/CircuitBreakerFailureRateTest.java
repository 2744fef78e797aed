package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerEvent.StateTransition;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingListener;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The failure-rate mode over a time-based window, at the handful of calls video generation makes. */
class CircuitBreakerFailureRateTest {

    private static final IOException OOM = new IOException("CUDA out of memory");

    private final FakeClock clock = new FakeClock();
    private final RecordingListener<CircuitBreakerEvent> events = new RecordingListener<>();

    private CircuitBreakerBuilder builder() {
        return CircuitBreaker.builder("wan-720p").clock(clock).listener(events);
    }

    @Test
    void failureRateModeDefaultsSuitFewLongCalls() {
        CircuitBreaker breaker = builder().failureRateThreshold(50).build();

        assertThat(breaker.config().threshold()).isEqualTo(CircuitBreakerThreshold.FailureRate.defaults());
        var rate = (CircuitBreakerThreshold.FailureRate) breaker.config().threshold();
        assertThat(rate.minimumCalls()).isEqualTo(5);
        assertThat(rate.slidingWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(rate.detectsSlowCalls()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 7, 10})
    void judgesTheRateOnlyOnceTheMinimumNumberOfCallsIsReached(int minimumCalls) {
        CircuitBreaker breaker = builder().minimumCalls(minimumCalls).build();

        for (int i = 1; i < minimumCalls; i++) {
            fail(breaker);
            assertThat(breaker.state()).as("after %d of %d failures", i, minimumCalls).isEqualTo(CircuitState.CLOSED);
        }
        fail(breaker);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(events.eventsOf(StateTransition.class)).extracting(StateTransition::reason)
                .containsExactly(Reason.FAILURE_RATE);
    }

    @Test
    void opensWhenTheFailureRateReachesTheThresholdExactly() {
        CircuitBreaker breaker = builder().minimumCalls(4).failureRateThreshold(50).build();
        succeed(breaker);
        succeed(breaker);
        fail(breaker);
        assertThat(breaker.state()).as("1 of 3, below the minimum").isEqualTo(CircuitState.CLOSED);

        fail(breaker);

        assertThat(breaker.state()).as("2 of 4 is 50 %").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void staysClosedBelowTheFailureRateThreshold() {
        CircuitBreaker breaker = builder().minimumCalls(3).failureRateThreshold(60).build();
        succeed(breaker);
        succeed(breaker);
        fail(breaker);
        fail(breaker);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(50.0);
        assertThat(breaker.state()).as("2 of 4 is 50 %").isEqualTo(CircuitState.CLOSED);

        fail(breaker);

        assertThat(breaker.state()).as("3 of 5 is 60 %").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void successesDiluteTheFailureRate() {
        CircuitBreaker breaker = builder().minimumCalls(3).failureRateThreshold(50).build();
        for (int i = 0; i < 6; i++) {
            succeed(breaker);
        }
        fail(breaker);
        fail(breaker);

        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(snapshot.failureRate()).isEqualTo(25.0);
        assertThat(snapshot.bufferedCalls()).isEqualTo(8);
    }

    @Test
    void slowSuccessfulCallsOpenTheBreaker() {
        CircuitBreaker breaker = builder().minimumCalls(3)
                .slowCallThreshold(Duration.ofMinutes(8), 60).build();
        breaker.onSuccess(Duration.ofMinutes(9).toNanos());
        breaker.onSuccess(Duration.ofMinutes(2).toNanos());
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        breaker.onSuccess(Duration.ofMinutes(8).toNanos());

        assertThat(breaker.state()).as("2 slow of 3 is 67 %").isEqualTo(CircuitState.OPEN);
        assertThat(events.eventsOf(StateTransition.class)).extracting(StateTransition::reason)
                .containsExactly(Reason.SLOW_CALL_RATE);
        assertThat(breaker.statistics().slowCalls()).isEqualTo(2);
        assertThat(breaker.statistics().failures()).isZero();
    }

    @Test
    void executeMeasuresCallDurationsOnTheInjectedClock() {
        CircuitBreaker breaker = builder().minimumCalls(1).slowCallThreshold(Duration.ofSeconds(30), 100).build();

        String clip = breaker.execute(() -> {
            clock.advance(Duration.ofSeconds(45));
            return "clip";
        });

        assertThat(clip).isEqualTo("clip");
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(events.eventsOf(CircuitBreakerEvent.CallSucceeded.class))
                .singleElement().satisfies(e -> {
                    assertThat(e.duration()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(e.slow()).isTrue();
                });
    }

    @Test
    void oldFailuresFallOutOfTheWindow() {
        CircuitBreaker breaker = builder().minimumCalls(3).slidingWindow(Duration.ofSeconds(60), 6).build();
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(60));

        fail(breaker);

        assertThat(breaker.state()).as("the first two failures have expired").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(1);
    }

    @Test
    void failuresStayInTheWindowUntilTheirWholeBucketHasAged() {
        CircuitBreaker breaker = builder().minimumCalls(3).slidingWindow(Duration.ofSeconds(60), 6).build();
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(59));

        fail(breaker);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void closingClearsTheWindow() {
        CircuitBreaker breaker = builder().minimumCalls(3).successThreshold(1).build();
        fail(breaker);
        fail(breaker);
        fail(breaker);
        clock.advance(Duration.ofSeconds(60));
        succeed(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        fail(breaker);
        fail(breaker);

        assertThat(breaker.state()).as("only two failures since closing").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
    }

    @Test
    void resetClearsTheWindow() {
        CircuitBreaker breaker = builder().minimumCalls(3).build();
        fail(breaker);
        fail(breaker);

        breaker.reset();
        fail(breaker);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(1);
    }

    @Test
    void snapshotReportsNoRateBelowTheMinimumNumberOfCalls() {
        CircuitBreaker breaker = builder().minimumCalls(5).build();
        fail(breaker);

        CircuitBreakerSnapshot snapshot = breaker.snapshot();

        assertThat(snapshot.failureRate()).isEqualTo(-1);
        assertThat(snapshot.slowCallRate()).isEqualTo(-1);
        assertThat(snapshot.bufferedCalls()).isEqualTo(1);
    }

    private static void fail(CircuitBreaker breaker) {
        breaker.executeOutcome(() -> {
            throw OOM;
        });
    }

    private static void succeed(CircuitBreaker breaker) {
        breaker.execute(() -> "ok");
    }
}
