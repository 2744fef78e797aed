package dev.storycore.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.ResiliencePipeline;
import dev.storycore.resilience.Retry;
import io.github.resilience4j.decorators.Decorators;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retry outside a circuit breaker, every call succeeding at once: the combination most callers use,
 * and the headline number. Default configurations throughout. Ours is measured twice: through
 * {@link ResiliencePipeline} (the documented composition, the headline) and by nesting the calls by
 * hand with a lambda made per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RetryBreakerBenchmark extends Workload {

    private Retry retry;
    private CircuitBreaker breaker;
    private ResiliencePipeline pipeline;
    private Supplier<String> resilience4j;
    private FailsafeExecutor<String> failsafe;

    /** Builds the policies; the pipeline and the nested form get a retry and breaker each. */
    @Setup
    public void setUp() {
        retry = Retry.builder("bench").build();
        breaker = CircuitBreaker.builder("bench").build();
        pipeline = ResiliencePipeline.builder()
                .retry(Retry.builder("bench").build())
                .circuitBreaker(CircuitBreaker.builder("bench").build())
                .build();
        resilience4j = Decorators.ofSupplier(supplier)
                .withCircuitBreaker(io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("bench"))
                .withRetry(io.github.resilience4j.retry.Retry.ofDefaults("bench"))
                .decorate();
        failsafe = Failsafe.with(RetryPolicy.<String>ofDefaults(), dev.failsafe.CircuitBreaker.<String>ofDefaults());
    }

    /** @return the result through {@code ResiliencePipeline.execute} */
    @Benchmark
    public String oursPipeline() {
        return pipeline.execute(call);
    }

    /** @return the result through {@code retry.execute(() -> breaker.execute(call))} */
    @Benchmark
    public String oursNested() {
        return retry.execute(() -> breaker.execute(call));
    }

    /** @return the result through a supplier decorated with breaker, then retry */
    @Benchmark
    public String resilience4j() {
        return resilience4j.get();
    }

    /** @return the result through {@code Failsafe.with(retryPolicy, breaker).get} */
    @Benchmark
    public String failsafe() {
        return failsafe.get(checkedSupplier);
    }
}
