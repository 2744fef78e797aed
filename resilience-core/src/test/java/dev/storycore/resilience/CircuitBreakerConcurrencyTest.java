package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real threads released together against one breaker; invariants checked afterwards. */
class CircuitBreakerConcurrencyTest {

    private static final int THREADS = 8;
    private static final IOException FAILURE = new IOException("down");

    private final FakeClock clock = new FakeClock();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "failure-rate mode: {0}")
    @ValueSource(booleans = {false, true})
    void halfOpenNeverRunsMoreProbesThanPermitted(boolean rateMode) throws Exception {
        CircuitBreakerBuilder builder = CircuitBreaker.builder("probes").clock(clock).permittedCallsInHalfOpen(2)
                .successThreshold(Integer.MAX_VALUE).openDuration(Duration.ofSeconds(1));
        CircuitBreaker breaker = (rateMode ? builder.minimumCalls(1) : builder.failureThreshold(1)).build();
        breaker.open();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        LongAdder attempts = new LongAdder();

        hammer(() -> {
            for (int i = 0; i < 3_000; i++) {
                attempts.increment();
                Outcome<String> outcome = breaker.executeOutcome(() -> {
                    int now = running.incrementAndGet();
                    maxRunning.accumulateAndGet(now, Math::max);
                    for (int spin = 0; spin < 50; spin++) {
                        Thread.onSpinWait();
                    }
                    running.decrementAndGet();
                    if (ThreadLocalRandom.current().nextInt(4) == 0) {
                        throw FAILURE;
                    }
                    return "frame";
                });
                if (outcome instanceof Outcome.Rejected<String>) {
                    clock.advanceMillis(50);
                }
            }
        });

        assertThat(maxRunning.get()).isBetween(1, 2);
        assertThat(breaker.state()).isIn(CircuitState.OPEN, CircuitState.HALF_OPEN);
        assertThat(breaker.statistics().calls()).isEqualTo(attempts.sum());
        assertThat(breaker.statistics().stateTransitions()).isGreaterThan(2);
    }

    @Test
    void halfOpenAdmitsExactlyThePermittedProbesWhenManyArriveAtOnce() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("burst").clock(clock).permittedCallsInHalfOpen(3).build();
        breaker.open();
        clock.advance(breaker.config().openDuration());
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch refused = new CountDownLatch(THREADS - 3);
        CountDownLatch release = new CountDownLatch(1);

        List<Future<?>> running = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < THREADS; t++) {
            running.add(pool.submit(() -> {
                go.await();
                Outcome<String> outcome = breaker.executeOutcome(() -> {
                    admitted.incrementAndGet();
                    release.await();
                    return "probe";
                });
                if (outcome instanceof Outcome.Rejected<String>) {
                    refused.countDown();
                }
                return null;
            }));
        }
        go.countDown();
        boolean othersRefused = refused.await(20, TimeUnit.SECONDS);
        int admittedWhileBlocked = admitted.get();
        release.countDown();
        for (Future<?> future : running) {
            future.get(20, TimeUnit.SECONDS);
        }

        assertThat(othersRefused).isTrue();
        assertThat(admittedWhileBlocked).isEqualTo(3);
        assertThat(breaker.statistics().successes()).isEqualTo(3);
        assertThat(breaker.statistics().notPermitted()).isEqualTo(THREADS - 3);
    }

    @Test
    void countersAddUpUnderContention() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("mixed").clock(clock).failureThreshold(3)
                .permittedCallsInHalfOpen(3).openDuration(Duration.ofMillis(200)).build();
        LongAdder attempts = new LongAdder();
        LongAdder returned = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder refused = new LongAdder();

        hammer(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 5_000; i++) {
                attempts.increment();
                boolean fail = random.nextInt(3) == 0;
                switch (breaker.executeOutcome(() -> {
                    if (fail) {
                        throw FAILURE;
                    }
                    return 1;
                })) {
                    case Outcome.Success<Integer> s -> returned.increment();
                    case Outcome.Failure<Integer> f -> failed.increment();
                    case Outcome.Rejected<Integer> r -> refused.increment();
                }
                if (random.nextInt(10) == 0) {
                    clock.advanceMillis(20);
                }
            }
        });

        CircuitBreakerStatistics statistics = breaker.statistics();
        assertThat(statistics.successes()).isEqualTo(returned.sum());
        assertThat(statistics.failures()).isEqualTo(failed.sum());
        assertThat(statistics.notPermitted()).isEqualTo(refused.sum());
        assertThat(statistics.successes() + statistics.failures() + statistics.notPermitted())
                .isEqualTo(attempts.sum());
        assertThat(statistics.notPermitted()).as("the breaker did open").isPositive();
        assertThat(breaker.snapshot().probesInFlight()).as("no probe slot leaked").isZero();
    }

    @Test
    void concurrentFailuresAreNeverLostFromTheConsecutiveCount() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("count").clock(clock).failureThreshold(THREADS * 1_000 + 1)
                .build();

        hammer(() -> {
            for (int i = 0; i < 1_000; i++) {
                breaker.onFailure(0, FAILURE);
            }
        });

        assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(THREADS * 1_000);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void concurrentCallsAreNeverLostFromTheWindow() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("window").clock(clock).minimumCalls(1)
                .failureRateThreshold(100).build();

        hammer(() -> {
            for (int i = 0; i < 2_000; i++) {
                breaker.onSuccess(0);
                if (i % 100 == 0) {
                    clock.advanceMillis(100);
                }
            }
        });

        assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(THREADS * 2_000);
        assertThat(breaker.statistics().successes()).isEqualTo(THREADS * 2_000);
    }

    @Test
    void exactlyOneThreadOpensTheBreaker() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("once").clock(clock).failureThreshold(1).build();

        hammer(() -> {
            for (int i = 0; i < 200; i++) {
                breaker.onFailure(0, FAILURE);
            }
        });

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.statistics().stateTransitions()).isEqualTo(1);
    }

    /** Runs the task on every thread at once and rethrows the first failure. */
    private void hammer(ThrowingRunnable task) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                task.run();
                return null;
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
