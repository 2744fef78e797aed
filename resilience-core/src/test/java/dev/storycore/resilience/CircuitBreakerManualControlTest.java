package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** isolate(), open() and reset(). */
class CircuitBreakerManualControlTest {

    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker = CircuitBreaker.builder("gpu-0").clock(clock).build();

    @Test
    void isolatedBreakerRefusesEveryCallNoMatterHowMuchTimePasses() {
        breaker.isolate();
        clock.advance(Duration.ofDays(365));

        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitState.ISOLATED);
        assertThat(breaker.state().refusesCalls()).isTrue();
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(breaker.executeOutcome(() -> "never")).isInstanceOf(Outcome.Rejected.class);
    }

    @Test
    void resetLeavesIsolation() {
        breaker.isolate();

        breaker.reset();

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.execute(() -> "ok")).isEqualTo("ok");
    }

    @Test
    void resetClearsTheConsecutiveFailureCount() {
        for (int i = 0; i < 4; i++) {
            breaker.onFailure(0, new IOException("refused"));
        }

        breaker.reset();
        breaker.onFailure(0, new IOException("refused"));

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void resetClosesAnOpenBreakerAndKeepsLifetimeStatistics() {
        for (int i = 0; i < 5; i++) {
            breaker.onFailure(0, new IOException("refused"));
        }

        breaker.reset();

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.statistics().failures()).isEqualTo(5);
        assertThat(breaker.statistics().stateTransitions()).isEqualTo(2);
    }

    @Test
    void openTripsTheBreakerForTheOpenDurationThenHalfOpens() {
        breaker.open();

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void isolatingTwiceChangesStateOnce() {
        breaker.isolate();
        breaker.isolate();

        assertThat(breaker.statistics().stateTransitions()).isEqualTo(1);
    }

    @Test
    void snapshotSaysSinceWhenTheBreakerIsInItsState() {
        clock.advance(Duration.ofMinutes(3));
        breaker.isolate();
        clock.advance(Duration.ofMinutes(2));

        CircuitBreakerSnapshot snapshot = breaker.snapshot();

        assertThat(snapshot.state()).isEqualTo(CircuitState.ISOLATED);
        assertThat(snapshot.since()).isEqualTo(clock.instant().minus(Duration.ofMinutes(2)));
    }
}
