package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.SequenceRandom;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The bounds documented in {@link Jitter}, for every mode, over random backoffs. */
class BackoffPropertiesTest {

    @Provide
    Arbitrary<Backoff> backoffs() {
        Arbitrary<Long> initialMillis = Arbitraries.longs().between(1, 600_000);
        Arbitrary<Double> factors = Arbitraries.doubles().between(1.0, 10.0);
        Arbitrary<Long> extraMillis = Arbitraries.longs().between(0, 3_600_000);
        Arbitrary<Backoff> exponential = Combinators.combine(initialMillis, factors, extraMillis)
                .as((initial, factor, extra) -> Backoff.exponential(
                        Duration.ofMillis(initial), factor, Duration.ofMillis(initial + extra)));
        Arbitrary<Backoff> fixed = Combinators.combine(Arbitraries.longs().between(0, 600_000), extraMillis)
                .as((delay, extra) -> new Backoff.Fixed(Duration.ofMillis(delay), Duration.ofMillis(delay + extra + 1)));
        return Arbitraries.oneOf(exponential, fixed);
    }

    private static long base(Backoff backoff, int retry) {
        return backoff.baseDelay(retry).toNanos();
    }

    @Property
    void noJitterWaitsExactlyTheBaseDelay(@ForAll("backoffs") Backoff backoff, @ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double u) {
        var delays = new BackoffDelays(backoff, Jitter.NONE, SequenceRandom.constant(u));

        assertThat(delays.nextNanos(retry, 0)).isEqualTo(base(backoff, retry))
                .isLessThanOrEqualTo(backoff.maxDelay().toNanos());
    }

    @Property
    void proportionalJitterStaysWithinTheFactorAndTheCap(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double factor,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double u) {
        var delays = new BackoffDelays(backoff, Jitter.proportional(factor), SequenceRandom.constant(u));
        long b = base(backoff, retry);
        long max = backoff.maxDelay().toNanos();

        long wait = delays.nextNanos(retry, 0);

        assertThat(wait).isBetween(0L, max);
        assertThat((double) wait).isGreaterThanOrEqualTo(Math.floor(b * (1 - factor)) - 1)
                .isLessThanOrEqualTo(Math.min(max, Math.ceil(b * (1 + factor)) + 1));
    }

    @Property
    void fullJitterStaysBetweenZeroAndTheBase(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double u) {
        var delays = new BackoffDelays(backoff, Jitter.FULL, SequenceRandom.constant(u));

        assertThat(delays.nextNanos(retry, 0)).isBetween(0L, base(backoff, retry));
    }

    @Property
    void decorrelatedJitterStaysBetweenTheInitialDelayAndTheCap(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long previousNanos,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double u) {
        var delays = new BackoffDelays(backoff, Jitter.DECORRELATED, SequenceRandom.constant(u));

        assertThat(delays.nextNanos(retry, previousNanos))
                .isBetween(backoff.initialDelay().toNanos(), backoff.maxDelay().toNanos());
    }

    @Property
    void requestedWaitsAreCappedAtTheMaximumAndNeverNegative(@ForAll("backoffs") Backoff backoff,
            @ForAll long requestedNanos) {
        var delays = new BackoffDelays(backoff, Jitter.NONE, SequenceRandom.constant(0.5));
        long max = backoff.maxDelay().toNanos();

        long wait = delays.requestedNanos(Optional.of(Duration.ofNanos(requestedNanos)));

        assertThat(wait).isEqualTo(Math.max(0, Math.min(requestedNanos, max)));
    }

    @Property
    void exponentialBaseDelaysNeverShrink(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 1, max = 500) int retry) {
        assertThat(backoff.baseDelay(retry + 1)).isGreaterThanOrEqualTo(backoff.baseDelay(retry));
    }

    @Property(tries = 200)
    void everyWaitOfARetriedCallIsWithinTheCap(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll @IntRange(min = 1, max = 30) int maxAttempts,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double u) {
        Jitter jitter = new Jitter[] {Jitter.NONE, Jitter.PROPORTIONAL, Jitter.FULL, Jitter.DECORRELATED}[mode];
        var sleeper = new dev.storycore.resilience.testing.RecordingSleeper();
        Retry retry = Retry.builder("property").maxAttempts(maxAttempts).backoff(backoff).jitter(jitter)
                .random(new SequenceRandom(u, 1.0 - Math.ulp(1.0), 0.0)).sleeper(sleeper).build();

        retry.executeOutcome(() -> {
            throw new java.io.IOException("down");
        });

        assertThat(sleeper.sleeps()).hasSize(maxAttempts - 1)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, backoff.maxDelay()));
    }
}
