package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The breaker against a small, plainly written model of the state machine, over random sequences of
 * permission requests, outcomes and clock moves. After every step both must agree.
 */
class CircuitBreakerModelPropertyTest {

    private static final long SECOND = 1_000_000_000L;
    private static final IOException FAILURE = new IOException("down");

    /** One step of a scenario. */
    sealed interface Step {
    }

    /** tryAcquirePermission / acquirePermit; the permit is kept for a later {@link Complete}. */
    record Acquire() implements Step {
    }

    /** onSuccess or onFailure of the boolean protocol, with a duration. */
    record Report(boolean failed, long seconds) implements Step {
    }

    /** Completes the {@code index}-th outstanding permit: 0 success, 1 failure, 2 release. */
    record Complete(int index, int kind, long seconds) implements Step {
    }

    record Advance(long seconds) implements Step {
    }

    record Reset() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new Acquire())),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(0, 40).flatMap(d ->
                        Arbitraries.of(true, false).map(f -> (Step) new Report(f, d)))),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 5).flatMap(i ->
                        Arbitraries.integers().between(0, 2).map(k -> (Step) new Complete(i, k, i * 7L)))),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 25).map(s -> (Step) new Advance(s))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reset())));
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 400)
    void consecutiveModeAgreesWithTheModel(
            @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 4) int failureThreshold,
            @ForAll @IntRange(min = 1, max = 3) int successThreshold,
            @ForAll @IntRange(min = 1, max = 3) int permitted,
            @ForAll @IntRange(min = 1, max = 20) int openSeconds) {
        FakeClock clock = new FakeClock();
        CircuitBreaker breaker = CircuitBreaker.builder("model").clock(clock).failureThreshold(failureThreshold)
                .successThreshold(successThreshold).permittedCallsInHalfOpen(permitted)
                .openDuration(Duration.ofSeconds(openSeconds)).build();
        Model model = new Model(successThreshold, permitted, openSeconds * SECOND, null, failureThreshold);
        run(steps, clock, breaker, model);
    }

    @Property(tries = 400)
    void failureRateModeAgreesWithTheModel(
            @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 6) int minimumCalls,
            @ForAll @IntRange(min = 10, max = 100) int failureRate,
            @ForAll @IntRange(min = 10, max = 100) int slowRate,
            @ForAll @IntRange(min = 1, max = 6) int buckets) {
        FakeClock clock = new FakeClock();
        CircuitBreaker breaker = CircuitBreaker.builder("model").clock(clock).minimumCalls(minimumCalls)
                .failureRateThreshold(failureRate).slidingWindow(Duration.ofSeconds(6L * buckets), buckets)
                .slowCallThreshold(Duration.ofSeconds(30), slowRate).openDuration(Duration.ofSeconds(15)).build();
        Rate rate = new Rate(minimumCalls, failureRate, slowRate, buckets, 6 * SECOND, 30 * SECOND);
        Model model = new Model(2, 1, 15 * SECOND, rate, 0);
        run(steps, clock, breaker, model);
    }

    private static void run(List<Step> steps, FakeClock clock, CircuitBreaker breaker, Model model) {
        List<Long> permits = new ArrayList<>();
        List<Permit> modelPermits = new ArrayList<>();
        for (Step step : steps) {
            switch (step) {
                case Acquire a -> {
                    long permit = breaker.acquirePermit();
                    Permit expected = model.acquire();
                    assertThat(permit != CircuitBreaker.NO_PERMIT).as("admitted at %s", step).isEqualTo(expected != null);
                    if (expected != null) {
                        permits.add(permit);
                        modelPermits.add(expected);
                    }
                }
                case Report r -> {
                    long nanos = r.seconds() * SECOND;
                    Permit guessed = model.guess();
                    if (r.failed()) {
                        breaker.onFailure(nanos, FAILURE);
                    } else {
                        breaker.onSuccess(nanos);
                    }
                    model.complete(guessed, !r.failed(), nanos);
                }
                case Complete c -> {
                    if (c.index() < permits.size()) {
                        long permit = permits.remove(c.index());
                        Permit expected = modelPermits.remove(c.index());
                        long nanos = c.seconds() * SECOND;
                        switch (c.kind()) {
                            case 0 -> breaker.onPermitSuccess(permit, nanos);
                            case 1 -> breaker.onPermitFailure(permit, nanos, FAILURE);
                            default -> breaker.releasePermit(permit);
                        }
                        if (c.kind() == 2) {
                            model.release(expected);
                        } else {
                            model.complete(expected, c.kind() == 0, nanos);
                        }
                    }
                }
                case Advance a -> {
                    clock.advance(Duration.ofSeconds(a.seconds()));
                    model.now += a.seconds() * SECOND;
                }
                case Reset r -> {
                    breaker.reset();
                    model.reset();
                }
            }
            CircuitBreakerSnapshot snapshot = breaker.snapshot();
            assertThat(snapshot.state()).as("state after %s", step).isEqualTo(model.state);
            assertThat(snapshot.probesInFlight()).as("probes after %s", step).isEqualTo(model.probes + model.earlier);
            assertThat(snapshot.remainingOpen()).as("remaining after %s", step).isEqualTo(model.remaining());
            if (model.rate == null) {
                assertThat(snapshot.consecutiveFailures()).as("failures after %s", step).isEqualTo(model.failures);
            } else if (model.state == CircuitState.CLOSED) {
                assertThat(snapshot.bufferedCalls()).as("window after %s", step).isEqualTo(model.windowCalls());
            }
        }
    }

    record Rate(int minimumCalls, int failureRate, int slowRate, int buckets, long bucketNanos, long slowNanos) {
    }

    record Call(long bucket, boolean failed, boolean slow) {
    }

    /** What the model knows of a permission it granted: the state period, and whether it is a probe. */
    record Permit(long period, boolean probe) {
    }

    /**
     * The state machine as the documentation describes it, one field per fact, no concurrency. Probes
     * still running when their half-open period ends stay counted in {@code earlier} until they report.
     */
    static final class Model {
        final int successThreshold;
        final int permitted;
        final long openNanos;
        final Rate rate;
        final int failureThreshold;
        final List<Call> window = new ArrayList<>();
        CircuitState state = CircuitState.CLOSED;
        long period;
        long resetPeriod = -1;
        long now;
        long openedAt;
        int failures;
        int probes;
        int probeSuccesses;
        int earlier;

        Model(int successThreshold, int permitted, long openNanos, Rate rate, int failureThreshold) {
            this.successThreshold = successThreshold;
            this.permitted = permitted;
            this.openNanos = openNanos;
            this.rate = rate;
            this.failureThreshold = failureThreshold;
        }

        /** The permit granted, or null for a refusal. */
        Permit acquire() {
            if (state == CircuitState.OPEN && now - openedAt >= openNanos) {
                enter(CircuitState.HALF_OPEN);
            }
            if (state == CircuitState.CLOSED) {
                return new Permit(period, false);
            }
            if (state == CircuitState.HALF_OPEN && probes + earlier < permitted) {
                probes++;
                return new Permit(period, true);
            }
            return null;
        }

        /** What a report through the boolean protocol stands for. */
        Permit guess() {
            if (state == CircuitState.HALF_OPEN && probes > 0) {
                return new Permit(period, true);
            }
            return earlier > 0 ? new Permit(period - 1, true) : new Permit(period, false);
        }

        void complete(Permit permit, boolean succeeded, long nanos) {
            if (permit.period() != period) {
                release(permit);
                return;
            }
            boolean slow = rate != null && nanos >= rate.slowNanos();
            if (state == CircuitState.CLOSED) {
                closedOutcome(succeeded, slow);
            } else if (state == CircuitState.HALF_OPEN && permit.probe() && probes > 0) {
                probes--;
                if (!succeeded || slow) {
                    open();
                } else if (++probeSuccesses >= successThreshold) {
                    close();
                }
            }
        }

        private void closedOutcome(boolean succeeded, boolean slow) {
            if (rate == null) {
                failures = succeeded ? 0 : failures + 1;
                if (failures >= failureThreshold) {
                    open();
                }
                return;
            }
            window.add(new Call(now / rate.bucketNanos(), !succeeded, slow));
            long calls = windowCalls();
            if ((!succeeded || slow) && calls >= rate.minimumCalls()) {
                long failed = live().filter(Call::failed).count();
                long slowCalls = live().filter(Call::slow).count();
                if (failed * 100 >= rate.failureRate() * calls || slowCalls * 100 >= rate.slowRate() * calls) {
                    open();
                }
            }
        }

        void release(Permit permit) {
            if (!permit.probe()) {
                return;
            }
            if (permit.period() == period && state == CircuitState.HALF_OPEN && probes > 0) {
                probes--;
            } else if (permit.period() < period && permit.period() > resetPeriod && earlier > 0) {
                earlier--;
            }
        }

        long windowCalls() {
            return live().count();
        }

        private java.util.stream.Stream<Call> live() {
            long current = now / rate.bucketNanos();
            return window.stream().filter(c -> c.bucket() > current - rate.buckets());
        }

        Duration remaining() {
            return state == CircuitState.OPEN ? Duration.ofNanos(Math.max(0, openNanos - (now - openedAt)))
                    : Duration.ZERO;
        }

        private void open() {
            enter(CircuitState.OPEN);
            openedAt = now;
        }

        private void close() {
            enter(CircuitState.CLOSED);
            window.clear();
        }

        void reset() {
            close();
            earlier = 0;
            resetPeriod = period - 1;
        }

        private void enter(CircuitState next) {
            state = next;
            period++;
            failures = 0;
            earlier += probes;
            probes = 0;
            probeSuccesses = 0;
        }
    }
}
