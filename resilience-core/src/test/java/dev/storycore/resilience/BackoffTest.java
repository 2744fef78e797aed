package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.storycore.resilience.testing.SequenceRandom;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void defaultExponentialDoublesFromOneSecondAndCapsAtSixtySeconds() {
        Backoff backoff = Backoff.exponential();

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::baseDelay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void exponentialStaysAtTheCapForVeryLateRetries() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 3.0, Duration.ofSeconds(5));

        assertThat(backoff.baseDelay(1_000_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fixedBackoffKeepsTheSameBaseDelay() {
        Backoff backoff = Backoff.fixed(Duration.ofMillis(250));

        assertThat(backoff.baseDelay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.baseDelay(7)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.maxDelay()).isEqualTo(Backoff.DEFAULT_MAX_DELAY);
    }

    @Test
    void fixedBackoffLongerThanTheDefaultCapIsItsOwnCap() {
        assertThat(Backoff.fixed(Duration.ofMinutes(5)).maxDelay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fixedBackoffMayRetryAtOnce() {
        assertThat(Backoff.fixed(Duration.ZERO).baseDelay(3)).isZero();
    }

    @Test
    void rejectsNegativeFixedDelayNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1)))
                .withMessageContaining("delay");
    }

    @Test
    void rejectsFixedDelayAboveItsCap() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff.Fixed(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessageContaining("delay must not exceed maxDelay");
    }

    @Test
    void rejectsZeroOrNegativeExponentialDurationsNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ZERO, 2.0, Duration.ofSeconds(1)))
                .withMessageContaining("initialDelay");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(-1)))
                .withMessageContaining("maxDelay");
    }

    @Test
    void rejectsFactorBelowOneOrNotFinite() {
        for (double factor : new double[] {0.99, 0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), factor, Duration.ofSeconds(9)))
                    .withMessageContaining("factor");
        }
    }

    @Test
    void rejectsInitialDelayAboveTheCap() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("initialDelay must not exceed maxDelay");
    }

    @Test
    void rejectsRetryNumbersBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.exponential().baseDelay(0))
                .withMessageContaining("retry");
    }

    @Test
    void factorOfOneIsAFixedDelayWithACap() {
        var delays = new BackoffDelays(Backoff.exponential(Duration.ofSeconds(3), 1.0, Duration.ofSeconds(3)),
                Jitter.NONE, SequenceRandom.constant(0.5));

        assertThat(delays.nextNanos(5, 0)).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void absurdlyLongCapsSaturateInsteadOfOverflowing() {
        var delays = new BackoffDelays(Backoff.exponential(Duration.ofDays(1), 10.0, Duration.ofDays(365_000_000L)),
                Jitter.NONE, SequenceRandom.constant(0.5));

        assertThat(delays.nextNanos(60, 0)).isEqualTo(Long.MAX_VALUE);
    }
}
