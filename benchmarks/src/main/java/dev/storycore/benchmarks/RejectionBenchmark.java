package dev.storycore.benchmarks;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitOpenException;
import dev.storycore.resilience.Outcome;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
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
 * A call refused by an open breaker, opened by hand with each library's default open duration (60 s
 * everywhere, longer than a trial). The refusal is returned rather than thrown away so the JIT cannot
 * drop it. Resilience4j fills in stack traces by default; its stackless setting is measured too, to
 * compare like with like (ours and Failsafe's defaults).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RejectionBenchmark extends Workload {

    private CircuitBreaker ours;
    private Supplier<String> resilience4j;
    private Supplier<String> resilience4jStackless;
    private FailsafeExecutor<String> failsafe;

    /** Builds the breakers and opens them. */
    @Setup
    public void setUp() {
        ours = CircuitBreaker.builder("bench").build();
        ours.open();
        var r4jBreaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("bench");
        r4jBreaker.transitionToOpenState();
        resilience4j = Decorators.ofSupplier(supplier).withCircuitBreaker(r4jBreaker).decorate();
        var stackless = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("bench",
                CircuitBreakerConfig.custom().writableStackTraceEnabled(false).build());
        stackless.transitionToOpenState();
        resilience4jStackless = Decorators.ofSupplier(supplier).withCircuitBreaker(stackless).decorate();
        var failsafeBreaker = dev.failsafe.CircuitBreaker.<String>ofDefaults();
        failsafeBreaker.open();
        failsafe = Failsafe.with(failsafeBreaker);
    }

    /** @return the {@link Outcome.Rejected} from {@code executeOutcome} */
    @Benchmark
    public Outcome<String> oursOutcome() {
        return ours.executeOutcome(call);
    }

    /** @return the {@link CircuitOpenException} {@code execute} threw */
    @Benchmark
    public Object oursThrow() {
        try {
            return ours.execute(call);
        } catch (CircuitOpenException rejection) {
            return rejection;
        }
    }

    /** @return the {@link CallNotPermittedException} the decorated supplier threw */
    @Benchmark
    public Object resilience4j() {
        try {
            return resilience4j.get();
        } catch (CallNotPermittedException rejection) {
            return rejection;
        }
    }

    /** @return the stackless {@link CallNotPermittedException} the decorated supplier threw */
    @Benchmark
    public Object resilience4jStackless() {
        try {
            return resilience4jStackless.get();
        } catch (CallNotPermittedException rejection) {
            return rejection;
        }
    }

    /** @return the {@link CircuitBreakerOpenException} Failsafe threw */
    @Benchmark
    public Object failsafe() {
        try {
            return failsafe.get(checkedSupplier);
        } catch (CircuitBreakerOpenException rejection) {
            return rejection;
        }
    }
}
