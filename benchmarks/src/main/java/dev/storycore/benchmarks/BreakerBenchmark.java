package dev.storycore.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.storycore.resilience.CircuitBreaker;
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
 * A closed circuit breaker, every call succeeding, each library with its default configuration: ours
 * opens after five consecutive failures, Resilience4j's is count-based over 100 calls, Failsafe's opens
 * on one failure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BreakerBenchmark extends Workload {

    private CircuitBreaker ours;
    private Supplier<String> resilience4j;
    private FailsafeExecutor<String> failsafe;

    /** Builds the three breakers. */
    @Setup
    public void setUp() {
        ours = CircuitBreaker.builder("bench").build();
        resilience4j = Decorators.ofSupplier(supplier)
                .withCircuitBreaker(io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("bench"))
                .decorate();
        failsafe = Failsafe.with(dev.failsafe.CircuitBreaker.<String>ofDefaults());
    }

    /** @return the result through {@code CircuitBreaker.execute} */
    @Benchmark
    public String ours() {
        return ours.execute(call);
    }

    /** @return the result through a decorated supplier */
    @Benchmark
    public String resilience4j() {
        return resilience4j.get();
    }

    /** @return the result through {@code Failsafe.with(breaker).get} */
    @Benchmark
    public String failsafe() {
        return failsafe.get(checkedSupplier);
    }
}
