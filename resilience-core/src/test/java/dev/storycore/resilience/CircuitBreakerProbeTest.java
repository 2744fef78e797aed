package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Half-open probes, permits from earlier state periods, and the open-duration backoff. */
class CircuitBreakerProbeTest {

    private static final IOException DOWN = new IOException("down");

    private final FakeClock clock = new FakeClock();

    private CircuitBreakerBuilder builder() {
        return CircuitBreaker.builder("probe").clock(clock).failureThreshold(1).openDuration(Duration.ofSeconds(10));
    }

    @Test
    void admitsAsManyConcurrentProbesAsPermitted() {
        CircuitBreaker breaker = builder().permittedCallsInHalfOpen(3).successThreshold(5).build();
        openAndWait(breaker);

        long first = breaker.acquirePermit();
        long second = breaker.acquirePermit();
        long third = breaker.acquirePermit();

        assertThat(new long[] {first, second, third}).doesNotContain(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.acquirePermit()).isEqualTo(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.snapshot().probesInFlight()).isEqualTo(3);
    }

    @Test
    void releasedProbeFreesItsSlotWithoutCountingAnything() {
        CircuitBreaker breaker = builder().build();
        openAndWait(breaker);
        long permit = breaker.acquirePermit();

        breaker.releasePermit(permit);

        assertThat(breaker.snapshot().probesInFlight()).isZero();
        assertThat(breaker.acquirePermit()).isNotEqualTo(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.statistics().successes()).isZero();
    }

    @Test
    void ignoredProbeFreesItsSlotAndDecidesNothing() {
        CircuitBreaker breaker = builder().ignoreIf(e -> e instanceof IllegalStateException).build();
        openAndWait(breaker);

        breaker.onPermitFailure(breaker.acquirePermit(), 0, new IllegalStateException("cancelled"));

        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.snapshot().probesInFlight()).isZero();
    }

    @Test
    void callAdmittedBeforeTheBreakerOpenedDoesNotCountAsAProbe() {
        CircuitBreaker breaker = builder().successThreshold(1).build();
        long longCall = breaker.acquirePermit();
        openAndWait(breaker);
        long probe = breaker.acquirePermit();

        breaker.onPermitSuccess(longCall, Duration.ofMinutes(5).toNanos());

        assertThat(breaker.state()).as("the straggler must not close the breaker").isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.acquirePermit()).as("nor free the probe's slot").isEqualTo(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.statistics().successes()).isEqualTo(1);

        breaker.onPermitSuccess(probe, 0);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void failureFromAnEarlierClosedPeriodDoesNotCountAfterClosing() {
        CircuitBreaker breaker = builder().failureThreshold(2).successThreshold(1).build();
        long staleCall = breaker.acquirePermit();
        breaker.open();
        clock.advance(Duration.ofSeconds(10));
        breaker.execute(() -> "probe");
        breaker.onPermitFailure(breaker.acquirePermit(), 0, DOWN);

        breaker.onPermitFailure(staleCall, 0, DOWN);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(1);
        assertThat(breaker.statistics().failures()).isEqualTo(2);
    }

    @Test
    void outcomeReportedWithoutAProbeInFlightIsIgnoredWhileHalfOpen() {
        CircuitBreaker breaker = builder().build();
        openAndWait(breaker);
        breaker.tryAcquirePermission();
        breaker.onSuccess(0);

        breaker.onFailure(0, DOWN);

        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void probeStillRunningFromAnEarlierHalfOpenPeriodKeepsItsSlot() {
        CircuitBreaker breaker = builder().permittedCallsInHalfOpen(2).build();
        openAndWait(breaker);
        long first = breaker.acquirePermit();
        long second = breaker.acquirePermit();
        breaker.onPermitFailure(first, 0, DOWN);
        clock.advance(Duration.ofSeconds(10));

        long third = breaker.acquirePermit();
        assertThat(third).isNotEqualTo(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.acquirePermit()).as("the second probe still runs").isEqualTo(CircuitBreaker.NO_PERMIT);
        assertThat(breaker.snapshot().probesInFlight()).isEqualTo(2);

        breaker.onPermitSuccess(second, 0);

        assertThat(breaker.state()).as("an old probe decides nothing").isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.acquirePermit()).as("but frees its slot").isNotEqualTo(CircuitBreaker.NO_PERMIT);
    }

    @Test
    void resetForgetsProbesStillRunning() {
        CircuitBreaker breaker = builder().permittedCallsInHalfOpen(1).build();
        openAndWait(breaker);
        long forgotten = breaker.acquirePermit();
        breaker.reset();
        openAndWait(breaker);
        long probe = breaker.acquirePermit();
        assertThat(probe).isNotEqualTo(CircuitBreaker.NO_PERMIT);

        breaker.onPermitSuccess(forgotten, 0);

        assertThat(breaker.snapshot().probesInFlight()).isEqualTo(1);
        assertThat(breaker.acquirePermit()).isEqualTo(CircuitBreaker.NO_PERMIT);
    }

    @Test
    void openDurationGrowsWithEachFailedProbeUpToTheCap() {
        CircuitBreaker breaker = builder().openDurationBackoff(2.0, Duration.ofSeconds(35)).build();
        fail(breaker);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        fail(breaker);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        fail(breaker);
        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void closingStartsTheOpenDurationBackoffOver() {
        CircuitBreaker breaker = builder().successThreshold(1).openDurationBackoff(3.0, Duration.ofMinutes(10)).build();
        fail(breaker);
        clock.advance(Duration.ofSeconds(10));
        fail(breaker);
        clock.advance(Duration.ofSeconds(30));
        breaker.execute(() -> "recovered");

        fail(breaker);

        assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void slowSuccessfulProbeReopensInFailureRateModeWithSlowCalls() {
        CircuitBreaker breaker = CircuitBreaker.builder("slow").clock(clock).minimumCalls(1)
                .slowCallThreshold(Duration.ofSeconds(30), 100).build();
        breaker.onPermitFailure(breaker.acquirePermit(), 0, DOWN);
        clock.advance(Duration.ofSeconds(60));

        breaker.onPermitSuccess(breaker.acquirePermit(), Duration.ofSeconds(31).toNanos());

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    private void openAndWait(CircuitBreaker breaker) {
        breaker.open();
        clock.advance(breaker.config().openDuration());
    }

    private static void fail(CircuitBreaker breaker) {
        assertThat(breaker.executeOutcome(() -> {
            throw DOWN;
        })).isInstanceOf(Outcome.Failure.class);
    }
}
