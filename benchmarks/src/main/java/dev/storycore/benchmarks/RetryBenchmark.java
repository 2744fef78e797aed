package dev.storycore.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
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

/** A retry whose first attempt succeeds, each library with its default configuration (3 attempts). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RetryBenchmark extends Workload {

    private Retry ours;
    private Supplier<String> resilience4j;
    private FailsafeExecutor<String> failsafe;

    /** Builds the three retries. */
    @Setup
    public void setUp() {
        ours = Retry.builder("bench").build();
        resilience4j = Decorators.ofSupplier(supplier)
                .withRetry(io.github.resilience4j.retry.Retry.ofDefaults("bench"))
                .decorate();
        failsafe = Failsafe.with(RetryPolicy.<String>ofDefaults());
    }

    /** @return the result through {@code Retry.execute} */
    @Benchmark
    public String ours() {
        return ours.execute(call);
    }

    /** @return the result through a decorated supplier */
    @Benchmark
    public String resilience4j() {
        return resilience4j.get();
    }

    /** @return the result through {@code Failsafe.with(retryPolicy).get} */
    @Benchmark
    public String failsafe() {
        return failsafe.get(checkedSupplier);
    }
}
