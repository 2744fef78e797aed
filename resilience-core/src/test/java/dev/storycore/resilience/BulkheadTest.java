package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.resilience.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulkheads with real threads held inside calls by latches. */
class BulkheadTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    /** Starts {@code count} calls that hold their permits until {@link #release} opens. */
    private List<Future<String>> occupy(Bulkhead bulkhead, int count) throws InterruptedException {
        var entered = new CountDownLatch(count);
        var calls = new ArrayList<Future<String>>();
        for (int i = 0; i < count; i++) {
            calls.add(threads.submit(() -> bulkhead.execute(() -> {
                entered.countDown();
                release.await();
                return "done";
            })));
        }
        entered.await();
        return calls;
    }

    @Test
    void refusesTheCallBeyondTheLimitWithoutRunningIt() throws Exception {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(2).build();
        List<Future<String>> running = occupy(bulkhead, 2);
        var ran = new AtomicInteger();

        var full = catchThrowableOfType(BulkheadFullException.class, () -> bulkhead.execute(ran::incrementAndGet));
        release.countDown();

        assertThat(ran).hasValue(0);
        assertThat(full.policyName()).isEqualTo("gpu");
        assertThat(full.maxConcurrentCalls()).isEqualTo(2);
        for (Future<String> call : running) {
            assertThat(call.get()).isEqualTo("done");
        }
        assertThat(bulkhead.statistics()).isEqualTo(new BulkheadStatistics(2, 2, 2, 1, 2));
    }

    @Test
    void refusalsSkipTheStackTraceUnlessAsked() throws Exception {
        Bulkhead stackless = Bulkhead.builder("a").maxConcurrentCalls(1).build();
        Bulkhead traced = Bulkhead.builder("b").maxConcurrentCalls(1).writableStackTrace(true).build();
        occupy(stackless, 1);
        occupy(traced, 1);

        assertThat(catchThrowableOfType(BulkheadFullException.class, () -> stackless.execute(() -> 1))
                .getStackTrace()).isEmpty();
        assertThat(catchThrowableOfType(BulkheadFullException.class, () -> traced.execute(() -> 1))
                .getStackTrace()).isNotEmpty();
    }

    @Test
    void givesThePermitBackWhenTheCallFails() {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).build();
        var bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> bulkhead.execute(() -> {
            throw bug;
        })).isSameAs(bug);

        assertThat(bulkhead.statistics().availableConcurrentCalls()).isEqualTo(1);
        assertThat(bulkhead.execute(() -> "next")).isEqualTo("next");
    }

    @Test
    void wrapsCheckedFailures() {
        var checked = new java.io.IOException("reset");

        assertThatThrownBy(() -> Bulkhead.builder("io").build().execute(() -> {
            throw checked;
        })).isInstanceOf(CallFailedException.class).hasCause(checked);
    }

    @Test
    void aWaitingCallGetsThePermitWhenOneFreesUp() throws Exception {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).maxWait(Duration.ofMinutes(5)).build();
        List<Future<String>> holder = occupy(bulkhead, 1);
        var waiter = new AtomicInteger();
        Thread waiting = Thread.ofPlatform().start(() -> waiter.set(bulkhead.execute(() -> 7)));
        while (waiting.getState() != Thread.State.TIMED_WAITING && waiting.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }

        release.countDown();
        waiting.join();

        assertThat(holder.get(0).get()).isEqualTo("done");
        assertThat(waiter).hasValue(7);
        assertThat(bulkhead.statistics().rejected()).isZero();
    }

    @Test
    void anInterruptWhileWaitingStopsTheCallAndKeepsTheFlag() throws Exception {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).maxWait(Duration.ofMinutes(5)).build();
        occupy(bulkhead, 1);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> bulkhead.execute(() -> 1))
                .isInstanceOf(CallFailedException.class).hasCauseInstanceOf(InterruptedException.class);

        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void executeOutcomeReportsARefusalAsRejected() throws Exception {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).build();
        occupy(bulkhead, 1);

        Outcome<Integer> outcome = bulkhead.executeOutcome(() -> 1);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.rejection()).isInstanceOf(BulkheadFullException.class));
    }

    @Test
    void executeOutcomeReportsValuesAndClassifiedFailures() {
        Bulkhead bulkhead = Bulkhead.builder("gpu").build();

        assertThat(bulkhead.executeOutcome(() -> "ok")).isEqualTo(new Outcome.Success<>("ok"));
        Outcome<String> failed = bulkhead.executeOutcome(() -> {
            throw new OutOfMemoryError("CUDA out of memory");
        });
        assertThat(((Outcome.Failure<String>) failed).classification().category()).isEqualTo(ErrorCategory.MEMORY);
        assertThat(bulkhead.statistics().availableConcurrentCalls()).isEqualTo(10);
    }

    @Test
    void permitsCanBeTakenAndGivenBackByHand() {
        Bulkhead bulkhead = Bulkhead.builder("manual").maxConcurrentCalls(2).build();

        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).isFalse();
        bulkhead.release();

        assertThat(bulkhead.statistics()).isEqualTo(new BulkheadStatistics(1, 2, 2, 1, 1));
        assertThat(bulkhead.statistics().running()).isEqualTo(1);
    }

    @Test
    void releasingWithoutAPermitIsRefused() {
        Bulkhead bulkhead = Bulkhead.builder("manual").maxConcurrentCalls(2).build();

        assertThatIllegalStateException().isThrownBy(bulkhead::release).withMessageContaining("manual");
        assertThat(bulkhead.statistics().availableConcurrentCalls()).isEqualTo(2);
    }

    @Test
    void manyThreadsNeverRunMoreCallsThanTheLimit() throws Exception {
        int limit = 3;
        int workers = 12;
        int callsEach = 300;
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(limit).build();
        var inside = new AtomicInteger();
        var mostInside = new AtomicInteger();
        var start = new CyclicBarrier(workers);
        var done = new ArrayList<Future<?>>();
        for (int w = 0; w < workers; w++) {
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < callsEach; i++) {
                    bulkhead.executeOutcome(() -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.yield();
                        return inside.decrementAndGet();
                    });
                }
                return null;
            }));
        }
        for (Future<?> worker : done) {
            worker.get();
        }

        BulkheadStatistics stats = bulkhead.statistics();
        assertThat(mostInside.get()).isBetween(1, limit);
        assertThat(stats.permitted() + stats.rejected()).isEqualTo((long) workers * callsEach);
        assertThat(stats.completed()).isEqualTo(stats.permitted());
        assertThat(stats.availableConcurrentCalls()).isEqualTo(limit);
    }

    @Test
    void publishesPermitRefusalAndReleaseAndSurvivesAThrowingListener() throws Exception {
        var events = new RecordingListener<BulkheadEvent>();
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1)
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(events).build();

        assertThat(bulkhead.execute(() -> "ok")).isEqualTo("ok");
        occupy(bulkhead, 1);
        bulkhead.executeOutcome(() -> "refused");

        assertThat(events.events()).containsExactly(new BulkheadEvent.Permitted("gpu"),
                new BulkheadEvent.Released("gpu"), new BulkheadEvent.Permitted("gpu"), new BulkheadEvent.Rejected("gpu"));
    }

    @Test
    void badLimitsFailAtBuildNamingTheParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> Bulkhead.builder("b").maxConcurrentCalls(0).build())
                .withMessageContaining("maxConcurrentCalls");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Bulkhead.builder("b").maxWait(Duration.ofMillis(-1)).build())
                .withMessageContaining("maxWait");
    }

    @Test
    void defaultsToTenCallsNoWaitAndStacklessRefusals() {
        BulkheadConfig config = Bulkhead.builder("defaults").buildConfig();

        assertThat(config.maxConcurrentCalls()).isEqualTo(10);
        assertThat(config.maxWait()).isZero();
        assertThat(config.writableStackTrace()).isFalse();
        assertThat(config.toBuilder().maxConcurrentCalls(4).buildConfig().name()).isEqualTo("defaults");
    }
}
