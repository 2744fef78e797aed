package dev.storycore.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Fallback;
import dev.storycore.resilience.FallbackChain;
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
 * A fallback that is never needed: the primary call succeeds and the canned placeholder is not used.
 * Ours is a two-level {@link FallbackChain} whose first level runs the workload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FallbackBenchmark extends Workload {

    private static final String PLACEHOLDER = "placeholder";

    /** The chain's input; a field, so that it is not a constant either. */
    public String input = "shot-7";

    private FallbackChain<String, String> ours;
    private Supplier<String> resilience4j;
    private FailsafeExecutor<String> failsafe;

    /** Builds the three fallbacks. */
    @Setup
    public void setUp() {
        ours = FallbackChain.<String, String>builder("bench")
                .level("primary", shot -> result())
                .level("placeholder", shot -> PLACEHOLDER)
                .build();
        resilience4j = Decorators.ofSupplier(supplier).withFallback(failure -> PLACEHOLDER).decorate();
        failsafe = Failsafe.with(Fallback.of(PLACEHOLDER));
    }

    /** @return the primary level's result through {@code FallbackChain.execute} */
    @Benchmark
    public String ours() {
        return ours.execute(input);
    }

    /** @return the result through a supplier decorated with a fallback */
    @Benchmark
    public String resilience4j() {
        return resilience4j.get();
    }

    /** @return the result through {@code Failsafe.with(fallback).get} */
    @Benchmark
    public String failsafe() {
        return failsafe.get(checkedSupplier);
    }
}
