package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed design's defaults: 5 consecutive failures, 60 s open, 1 probe, 2 successes to close. */
class CircuitBreakerDefaultsTest {

    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker = CircuitBreaker.builder("comfyui").clock(clock).build();

    @Test
    void defaultConfigurationMatchesTheSeedDesign() {
        CircuitBreakerConfig config = breaker.config();
        assertThat(config.threshold()).isEqualTo(new CircuitBreakerThreshold.Consecutive(5));
        assertThat(config.successThreshold()).isEqualTo(2);
        assertThat(config.permittedCallsInHalfOpen()).isEqualTo(1);
        assertThat(config.openDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.openDurationMultiplier()).isEqualTo(1.0);
        assertThat(config.writableStackTrace()).isFalse();
        assertThat(breaker.name()).isEqualTo("comfyui");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void opensAfterFiveConsecutiveFailures() {
        failTimes(4);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(4);

        failTimes(1);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSuccessResetsTheConsecutiveFailureCount() {
        failTimes(4);
        breaker.execute(() -> "ok");
        failTimes(4);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(4);
    }

    @Test
    void openBreakerRefusesWithoutRunningTheCall() {
        failTimes(5);
        clock.advance(Duration.ofSeconds(15));
        boolean[] ran = {false};

        assertThatThrownBy(() -> breaker.execute(() -> ran[0] = true))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
                    assertThat(e.policyName()).isEqualTo("comfyui");
                    assertThat(e.remainingOpen()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(e.getMessage()).contains("comfyui", "45000 ms");
                });
        assertThat(ran[0]).isFalse();
    }

    @Test
    void rejectionsAreStacklessByDefault() {
        breaker.isolate();

        CircuitOpenException rejection = breaker.rejection();

        assertThat(rejection.getStackTrace()).isEmpty();
    }

    @Test
    void rejectionsCarryAStackTraceWhenConfigured() {
        CircuitBreaker traced = CircuitBreaker.builder("traced").clock(clock).writableStackTrace(true).build();
        traced.isolate();

        assertThatThrownBy(() -> traced.execute(() -> 1))
                .isInstanceOfSatisfying(CircuitOpenException.class,
                        e -> assertThat(e.getStackTrace()).isNotEmpty());
    }

    @Test
    void staysOpenUntilSixtySecondsHavePassed() {
        failTimes(5);
        clock.advance(Duration.ofSeconds(60).minusNanos(1));

        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void turnsHalfOpenOnTheFirstRequestAfterSixtySeconds() {
        failTimes(5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(breaker.state()).as("half-open is entered lazily").isEqualTo(CircuitState.OPEN);
        assertThat(breaker.remainingOpenTime()).isZero();

        assertThat(breaker.tryAcquirePermission()).isTrue();

        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void admitsOnlyOneProbeAtATime() {
        openAndWait();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.tryAcquirePermission()).isFalse();

        breaker.onSuccess(0);
        assertThat(breaker.tryAcquirePermission()).as("the slot is free again").isTrue();
    }

    @Test
    void closesAfterTwoSuccessfulProbes() {
        openAndWait();

        breaker.execute(() -> "first");
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        breaker.execute(() -> "second");

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().consecutiveFailures()).isZero();
    }

    @Test
    void aFailedProbeReopensForAnotherSixtySeconds() {
        openAndWait();
        breaker.execute(() -> "first");

        failTimes(1);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void closedAgainNeedsFiveFreshFailuresToOpen() {
        openAndWait();
        breaker.execute(() -> 1);
        breaker.execute(() -> 2);

        failTimes(4);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void refusedProbeReportsZeroRemainingOpenTime() {
        openAndWait();
        breaker.tryAcquirePermission();

        CircuitOpenException rejection = breaker.rejection();

        assertThat(rejection.remainingOpen()).isZero();
    }

    private void openAndWait() {
        failTimes(5);
        clock.advance(Duration.ofSeconds(60));
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> breaker.execute(() -> {
                throw new IOException("connection refused");
            })).isInstanceOf(CallFailedException.class).hasCauseInstanceOf(IOException.class);
        }
    }
}
