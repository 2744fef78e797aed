package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.storycore.resilience.testing.SequenceRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JitterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private static BackoffDelays delays(Jitter jitter, double random) {
        return new BackoffDelays(Backoff.exponential(), jitter, SequenceRandom.constant(random));
    }

    @Test
    void proportionalAtTheLowestRandomValueWaitsThreeQuartersOfTheBase() {
        BackoffDelays delays = delays(Jitter.PROPORTIONAL, 0.0);

        assertThat(delays.nextNanos(1, 0)).isEqualTo(750_000_000L);
        assertThat(delays.nextNanos(3, 0)).isEqualTo(3 * SECOND);
        assertThat(delays.nextNanos(8, 0)).isEqualTo(45 * SECOND);
    }

    @Test
    void proportionalAtTheHighestRandomValueStaysUnderFiveQuartersAndTheCap() {
        BackoffDelays delays = delays(Jitter.PROPORTIONAL, 0.999);

        assertThat(delays.nextNanos(1, 0)).isEqualTo(1_249_500_000L);
        assertThat(delays.nextNanos(6, 0)).isEqualTo(39_984_000_000L);
        assertThat(delays.nextNanos(7, 0)).isEqualTo(60 * SECOND);
    }

    @Test
    void proportionalWithZeroFactorIsNoJitter() {
        assertThat(delays(Jitter.proportional(0.0), 0.9).nextNanos(2, 0)).isEqualTo(2 * SECOND);
    }

    @Test
    void fullJitterScalesTheBaseByTheRandomValue() {
        assertThat(delays(Jitter.FULL, 0.5).nextNanos(3, 0)).isEqualTo(2 * SECOND);
        assertThat(delays(Jitter.FULL, 0.0).nextNanos(3, 0)).isZero();
    }

    @Test
    void decorrelatedJitterDrawsBetweenTheInitialDelayAndThreeTimesThePreviousWait() {
        BackoffDelays delays = delays(Jitter.DECORRELATED, 0.5);

        long first = delays.nextNanos(1, delays.initialNanos());
        long second = delays.nextNanos(2, first);
        long third = delays.nextNanos(3, second);

        assertThat(first).isEqualTo(2 * SECOND);
        assertThat(second).isEqualTo(3_500_000_000L);
        assertThat(third).isEqualTo(5_750_000_000L);
    }

    @Test
    void decorrelatedJitterNeverGoesBelowTheInitialDelayAfterAShortRequestedWait() {
        assertThat(delays(Jitter.DECORRELATED, 0.9).nextNanos(2, 0)).isGreaterThanOrEqualTo(SECOND);
    }

    @Test
    void decorrelatedJitterIsCappedAtTheMaximum() {
        assertThat(delays(Jitter.DECORRELATED, 0.99).nextNanos(9, 50 * SECOND)).isEqualTo(60 * SECOND);
    }

    @Test
    void noJitterIsTheBaseDelay() {
        assertThat(delays(Jitter.NONE, 0.7).nextNanos(4, 0)).isEqualTo(8 * SECOND);
    }

    @Test
    void requestedWaitsAreHeldBetweenZeroAndTheCap() {
        BackoffDelays delays = delays(Jitter.NONE, 0.0);

        assertThat(delays.requestedNanos(Optional.of(Duration.ofSeconds(5)))).isEqualTo(5 * SECOND);
        assertThat(delays.requestedNanos(Optional.of(Duration.ofHours(2)))).isEqualTo(60 * SECOND);
        assertThat(delays.requestedNanos(Optional.of(Duration.ofSeconds(-3)))).isZero();
        assertThat(delays.requestedNanos(Optional.empty())).isNegative();
    }

    @Test
    void rejectsProportionalFactorOutsideZeroToOneNamingIt() {
        for (double factor : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatIllegalArgumentException().isThrownBy(() -> Jitter.proportional(factor))
                    .withMessageContaining("factor");
        }
    }

    @Test
    void defaultProportionalSpreadIsAQuarter() {
        assertThat(Jitter.PROPORTIONAL).isEqualTo(new Jitter.Proportional(0.25));
    }
}
