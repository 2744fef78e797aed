package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The packed, epoch-stamped buckets of the failure-rate window. */
class CircuitBreakerWindowTest {

    private static final long BUCKET = 1_000;

    private final CircuitBreakerWindow window = new CircuitBreakerWindow(4, BUCKET, 0);

    @Test
    void countsCallsFailuresAndSlowCallsPerEpoch() {
        window.record(0, false, false);
        window.record(0, true, false);
        window.record(1, true, true);

        assertThat(window.calls(1)).isEqualTo(3);
        assertThat(window.failures(1)).isEqualTo(2);
        assertThat(window.slowCalls(1)).isEqualTo(1);
    }

    @Test
    void bucketsAgeOutOneWholeWindowLater() {
        window.record(0, true, false);
        window.record(2, true, false);

        assertThat(window.failures(3)).isEqualTo(2);
        assertThat(window.failures(4)).as("epoch 0 has left the window").isEqualTo(1);
        assertThat(window.failures(6)).isZero();
    }

    @Test
    void aReusedSlotStartsOverInsteadOfAdding() {
        window.record(1, true, false);

        window.record(5, false, false);

        assertThat(window.calls(5)).isEqualTo(1);
        assertThat(window.failures(5)).isZero();
    }

    @Test
    void aLateCallerJoinsTheNewerBucketRatherThanWipingIt() {
        window.record(5, false, false);

        window.record(1, true, false);

        assertThat(window.calls(5)).isEqualTo(2);
        assertThat(window.failures(5)).isEqualTo(1);
    }

    @Test
    void epochsFollowTheClockAndTheOffset() {
        assertThat(window.epoch(0, 0)).isZero();
        assertThat(window.epoch(BUCKET - 1, 0)).isZero();
        assertThat(window.epoch(BUCKET, 0)).isEqualTo(1);
        assertThat(window.epoch(3 * BUCKET, 10)).isEqualTo(13);
        assertThat(window.epoch(-5 * BUCKET, 0)).as("never negative").isZero();
    }

    @Test
    void shiftingTheOffsetMakesEveryBucketStale() {
        window.record(3, true, true);
        window.record(4, true, true);

        long shifted = window.epoch(4 * BUCKET, window.shift());

        assertThat(window.calls(shifted)).isZero();
    }

    @Test
    void countsSaturateAndASaturatedBucketStopsCountingFailures() {
        CircuitBreakerWindow single = new CircuitBreakerWindow(1, BUCKET, 0);
        long max = (1L << 24) - 1;
        for (long i = 0; i < max; i++) {
            single.record(7, false, false);
        }

        single.record(7, false, false);
        single.record(7, true, true);

        assertThat(single.calls(7)).isEqualTo(max);
        assertThat(single.failures(7)).isZero();
        assertThat(single.slowCalls(7)).isZero();
    }
}
