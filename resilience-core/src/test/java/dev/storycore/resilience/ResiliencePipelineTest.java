package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.FakeScheduler;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResiliencePipelineTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private Retry retry(int attempts) {
        return Retry.builder("retry").maxAttempts(attempts).backoff(Backoff.fixed(Duration.ofSeconds(1)))
                .jitter(Jitter.NONE).sleeper(sleeper).build();
    }

    private CircuitBreaker breaker(int failureThreshold) {
        return CircuitBreaker.builder("breaker").failureThreshold(failureThreshold).clock(clock).build();
    }

    private static Call<String> failingTimes(AtomicInteger calls, int failures) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw new IOException("connection reset #" + calls.get());
            }
            return "video";
        };
    }

    @Test
    void anEmptyPipelineJustRunsTheCall() {
        assertThat(ResiliencePipeline.builder().build().execute(() -> "ok")).isEqualTo("ok");
    }

    @Test
    void byDefaultEveryRetryAttemptCountsForTheBreaker() {
        CircuitBreaker breaker = breaker(5);
        var pipeline = ResiliencePipeline.builder().retry(retry(3)).circuitBreaker(breaker).build();

        assertThat(pipeline.execute(failingTimes(new AtomicInteger(), 2))).isEqualTo("video");

        assertThat(breaker.statistics().failures()).isEqualTo(2);
        assertThat(breaker.statistics().successes()).isEqualTo(1);
    }

    @Test
    void aWholeRetrySequenceCanCountAsOneBreakerOutcome() {
        CircuitBreaker breaker = breaker(1);
        var pipeline = ResiliencePipeline.builder().retry(retry(3)).circuitBreaker(breaker)
                .retryAsOneBreakerOutcome(true).build();

        assertThat(pipeline.execute(failingTimes(new AtomicInteger(), 2))).isEqualTo("video");

        assertThat(breaker.statistics().failures()).isZero();
        assertThat(breaker.statistics().successes()).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void theRetryDoesNotHammerAnOpenBreaker() {
        CircuitBreaker breaker = breaker(2);
        var calls = new AtomicInteger();
        var pipeline = ResiliencePipeline.builder().retry(retry(5)).circuitBreaker(breaker).build();

        assertThatThrownBy(() -> pipeline.execute(failingTimes(calls, 100)))
                .isInstanceOf(CircuitOpenException.class);

        assertThat(calls).hasValue(2);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void outcomeVariantReportsARejectionAsAValue() {
        CircuitBreaker breaker = breaker(1);
        breaker.isolate();
        var pipeline = ResiliencePipeline.builder().circuitBreaker(breaker).build();

        Outcome<String> outcome = pipeline.executeOutcome(() -> "never");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection().policyName()).isEqualTo("breaker"));
    }

    @Test
    void aFullBulkheadRejectsWithoutRunningTheCall() {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).build();
        var pipeline = ResiliencePipeline.builder().bulkhead(bulkhead).build();
        assertThat(bulkhead.tryAcquire()).isTrue();
        var ran = new AtomicInteger();

        assertThatThrownBy(() -> pipeline.execute(ran::incrementAndGet)).isInstanceOf(BulkheadFullException.class);
        assertThat(ran).hasValue(0);
        bulkhead.release();
    }

    @Test
    void aFallbackChainRunsEachLevelThroughTheInnerPolicies() {
        List<String> attempts = new ArrayList<>();
        var pipeline = ResiliencePipeline.builder().retry(retry(2)).build();
        FallbackChain<Integer, String> tiers = FallbackChain.<Integer, String>builder("tiers")
                .level("primary", height -> {
                    attempts.add("primary " + height);
                    throw new IOException("worker crashed");
                })
                .level("reduced", height -> {
                    attempts.add("reduced " + Math.min(height, 480));
                    return "delivered at " + Math.min(height, 480);
                })
                .build();

        FallbackResult<String> result = pipeline.execute(720, tiers);

        assertThat(result.value()).isEqualTo("delivered at 480");
        assertThat(result.level()).isEqualTo("reduced");
        assertThat(attempts).containsExactly("primary 720", "primary 720", "reduced 480");
        assertThat(result.earlierFailures()).singleElement()
                .satisfies(f -> assertThat(f.failure()).isInstanceOf(RetriesExhaustedException.class));
    }

    @Test
    void asyncPipelineRetriesThroughTheBreakerWithoutBlocking() {
        var scheduler = new FakeScheduler(clock);
        Retry retry = Retry.builder("retry").maxAttempts(3).backoff(Backoff.fixed(Duration.ofSeconds(2)))
                .jitter(Jitter.NONE).scheduler(scheduler).build();
        CircuitBreaker breaker = breaker(5);
        var pipeline = ResiliencePipeline.builder().retry(retry).circuitBreaker(breaker).build();
        var calls = new AtomicInteger();

        CompletionStage<String> stage = pipeline.executeAsync(() -> calls.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new IOException("socket closed"))
                : CompletableFuture.completedFuture("video"));

        assertThat(stage.toCompletableFuture()).isNotDone();
        scheduler.runAll(10);
        assertThat(stage.toCompletableFuture()).isCompletedWithValue("video");
        assertThat(scheduler.requestedDelays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(breaker.statistics().failures()).isEqualTo(2);
        assertThat(breaker.statistics().successes()).isEqualTo(1);
    }

    @Test
    void asyncBulkheadReleasesItsPermitWhenTheCallCompletes() {
        Bulkhead bulkhead = Bulkhead.builder("gpu").maxConcurrentCalls(1).build();
        var pipeline = ResiliencePipeline.builder().bulkhead(bulkhead).build();
        var pending = new CompletableFuture<String>();

        CompletionStage<String> first = pipeline.executeAsync(() -> pending);
        CompletionStage<String> second = pipeline.executeAsync(() -> CompletableFuture.completedFuture("x"));

        assertThat(second.toCompletableFuture()).isCompletedExceptionally();
        pending.complete("done");
        assertThat(first.toCompletableFuture()).isCompletedWithValue("done");
        assertThat(pipeline.executeAsync(() -> CompletableFuture.completedFuture("y")).toCompletableFuture())
                .isCompletedWithValue("y");
    }

    @Test
    void asyncBreakerRejectsWhenOpen() {
        CircuitBreaker breaker = breaker(1);
        breaker.isolate();
        var pipeline = ResiliencePipeline.builder().circuitBreaker(breaker).build();

        assertThat(pipeline.executeAsync(() -> CompletableFuture.completedFuture("x")).toCompletableFuture())
                .isCompletedExceptionally();
    }

    @Test
    void exposesItsPolicies() {
        Retry retry = retry(2);
        var pipeline = ResiliencePipeline.builder().retry(retry).build();

        assertThat(pipeline.retry()).containsSame(retry);
        assertThat(pipeline.circuitBreaker()).isEmpty();
        assertThat(pipeline.bulkhead()).isEmpty();
        assertThat(pipeline.timeout()).isEmpty();
    }
}
