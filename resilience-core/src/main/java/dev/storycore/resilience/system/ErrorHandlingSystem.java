package dev.storycore.resilience.system;

import dev.storycore.resilience.Call;
import dev.storycore.resilience.CallNotPermittedException;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitBreakerConfig;
import dev.storycore.resilience.CircuitState;
import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorClassifier;
import dev.storycore.resilience.FallbackChain;
import dev.storycore.resilience.FallbackResult;
import dev.storycore.resilience.Outcome;
import dev.storycore.resilience.ResiliencePipeline;
import dev.storycore.resilience.Retry;
import dev.storycore.resilience.analytics.ErrorAnalytics;
import dev.storycore.resilience.degradation.DegradationLevel;
import dev.storycore.resilience.degradation.GracefulDegradation;
import dev.storycore.resilience.internal.Checks;
import dev.storycore.resilience.recovery.RecoveryProcedure;
import dev.storycore.resilience.recovery.RecoveryResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The seed design's facade: named circuit breakers and fallback chains with default configs, one
 * call to execute with resilience, error analytics, recovery procedures, graceful degradation, and a
 * health snapshot.
 *
 * <p>{@link #execute(Call, ExecutionOptions)} runs the call through the options' breaker and, if asked,
 * the system's retry (retry outside the breaker, as {@link ResiliencePipeline} documents). When it
 * still fails, the failure is classified, the recovery procedure runs the strategies for its category,
 * and if one of them recovers, the call is run once more; analytics records the error either way,
 * marked recovered when that second run succeeded. Rejections by an open breaker are rethrown without
 * recovery: the breaker exists to stop calls. Every outcome feeds the degradation policy.
 *
 * <p>Thread-safe: registries are concurrent maps; the policies are thread-safe.
 */
public final class ErrorHandlingSystem {

    private final String name;
    private final CircuitBreakerConfig defaultBreaker;
    private final Retry retry;
    private final ErrorClassifier classifier;
    private final ErrorAnalytics analytics;
    private final GracefulDegradation degradation;
    private final RecoveryProcedure recovery;
    private final Clock clock;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FallbackChain<?, ?>> chains = new ConcurrentHashMap<>();
    /** Pipelines by breaker name and retry flag: built once, since a pipeline builds its layers up front. */
    private final ConcurrentMap<PipelineKey, ResiliencePipeline> pipelines = new ConcurrentHashMap<>();

    private record PipelineKey(String breakerName, boolean retry) {
    }

    private ErrorHandlingSystem(Builder builder) {
        this.name = builder.name;
        this.defaultBreaker = builder.defaultBreaker;
        this.retry = builder.retry;
        this.classifier = builder.classifier;
        this.analytics = builder.analytics;
        this.degradation = builder.degradation;
        this.recovery = builder.recovery;
        this.clock = builder.clock;
    }

    /**
     * Starts a system with the seed's defaults: breakers opening after 5 consecutive failures (2
     * successes close, 60 s open, 1 probe), retry 3 attempts with exponential backoff from 1 s, the
     * default classifier, analytics keeping 1000 errors, manual degradation, and the seed's recovery
     * slots with nothing bound.
     *
     * @param name the system's name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(Checks.name(name, "name"));
    }

    /** The system's name. */
    public String name() {
        return name;
    }

    /**
     * The breaker with this name, created from the default config on first use.
     *
     * @param breakerName the name
     * @return the breaker
     */
    public CircuitBreaker circuitBreaker(String breakerName) {
        Checks.name(breakerName, "breakerName");
        return breakers.computeIfAbsent(breakerName,
                key -> CircuitBreaker.of(defaultBreaker.toBuilder().name(key).toConfig()));
    }

    /**
     * Registers a breaker built elsewhere, replacing any of the same name.
     *
     * @param breaker the breaker
     */
    public void register(CircuitBreaker breaker) {
        breakers.put(breaker.name(), breaker);
        pipelines.keySet().removeIf(key -> key.breakerName().equals(breaker.name()));
    }

    /**
     * Registers a fallback chain under its name, replacing any of the same name.
     *
     * @param chain the chain
     */
    public void register(FallbackChain<?, ?> chain) {
        chains.put(chain.name(), chain);
    }

    /**
     * The chain registered under this name. The caller names the types it registered it with.
     *
     * @param chainName the name
     * @param <I>       the input type
     * @param <O>       the output type
     * @return the chain, if registered
     */
    @SuppressWarnings("unchecked")
    public <I, O> Optional<FallbackChain<I, O>> fallbackChain(String chainName) {
        return Optional.ofNullable((FallbackChain<I, O>) chains.get(chainName));
    }

    /**
     * Runs a call with resilience (see the class comment).
     *
     * @param call    the call
     * @param options breaker, retry and operation name
     * @param <T>     the result type
     * @return the call's result
     */
    public <T> T execute(Call<T> call, ExecutionOptions options) {
        ResiliencePipeline pipeline = pipeline(options);
        return protect(() -> pipeline.execute(call), options);
    }

    /**
     * Runs a registered fallback chain outermost, each level through the options' breaker and retry.
     *
     * @param input     the original input
     * @param chainName a registered chain
     * @param options   breaker, retry and operation name
     * @param <I>       the input type
     * @param <O>       the output type
     * @return the first level's result that did not fail, with its level
     * @throws IllegalArgumentException if no chain has that name
     */
    public <I, O> FallbackResult<O> execute(I input, String chainName, ExecutionOptions options) {
        FallbackChain<I, O> chain = this.<I, O>fallbackChain(chainName)
                .orElseThrow(() -> new IllegalArgumentException("chainName '" + chainName + "' is not registered"));
        ResiliencePipeline pipeline = pipeline(options);
        return protect(() -> pipeline.execute(input, chain), options);
    }

    private ResiliencePipeline pipeline(ExecutionOptions options) {
        return pipelines.computeIfAbsent(new PipelineKey(options.breakerName(), options.retry()), key -> {
            var pipeline = ResiliencePipeline.builder().classifier(classifier);
            if (key.retry()) {
                pipeline.retry(retry);
            }
            if (!key.breakerName().isEmpty()) {
                pipeline.circuitBreaker(circuitBreaker(key.breakerName()));
            }
            return pipeline.build();
        });
    }

    private <T> T protect(Supplier<T> run, ExecutionOptions options) {
        try {
            T value = run.get();
            degradation.recordSuccess();
            return value;
        } catch (CallNotPermittedException rejection) {
            degradation.record(new Outcome.Rejected<>(rejection));
            throw rejection;
        } catch (RuntimeException failure) {
            Classification classification = classifier.classify(failure);
            degradation.recordFailure(classification);
            RecoveryResult recovered = recovery.recover(classification, failure, Map.of("operation", options.operation()));
            if (recovered.recovered()) {
                try {
                    T value = run.get();
                    analytics.recordRecovered(classification, options.operation());
                    degradation.recordSuccess();
                    return value;
                } catch (RuntimeException again) {
                    again.addSuppressed(failure);
                    analytics.record(classification, options.operation());
                    throw again;
                }
            }
            analytics.record(classification, options.operation());
            throw failure;
        }
    }

    /** The analytics this system records into. */
    public ErrorAnalytics analytics() {
        return analytics;
    }

    /** The degradation policy this system feeds. */
    public GracefulDegradation degradation() {
        return degradation;
    }

    /** The recovery procedure this system runs. */
    public RecoveryProcedure recovery() {
        return recovery;
    }

    /** The retry policy calls with {@code retry} on use. */
    public Retry retry() {
        return retry;
    }

    /**
     * A health snapshot: degradation level, error and recovery rates, breaker states, retry and
     * fallback statistics, and an overall verdict.
     *
     * @return the snapshot
     */
    public SystemHealth health() {
        Map<String, CircuitState> states = new TreeMap<>();
        breakers.forEach((key, breaker) -> states.put(key, breaker.state()));
        Map<String, List<FallbackChain.LevelStatistics>> fallbacks = new TreeMap<>();
        chains.forEach((key, chain) -> fallbacks.put(key, chain.statistics()));
        DegradationLevel level = degradation.level();
        long refusing = states.values().stream().filter(CircuitState::refusesCalls).count();
        SystemHealth.Status status;
        if (level == DegradationLevel.MINIMAL && !states.isEmpty() && refusing == states.size()) {
            status = SystemHealth.Status.UNHEALTHY;
        } else if (level != DegradationLevel.FULL || refusing > 0) {
            status = SystemHealth.Status.DEGRADED;
        } else {
            status = SystemHealth.Status.HEALTHY;
        }
        return new SystemHealth(status, clock.instant(), level, analytics.errorRatePerMinute(),
                analytics.recoveryRate(), states, retry.statistics(), fallbacks);
    }

    /** Builds an {@link ErrorHandlingSystem}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private CircuitBreakerConfig defaultBreaker;
        private Retry retry;
        private ErrorClassifier classifier = ErrorClassifier.defaults();
        private ErrorAnalytics analytics;
        private GracefulDegradation degradation;
        private RecoveryProcedure recovery;
        private Clock clock = Clock.system();

        private Builder(String name) {
            this.name = name;
        }

        /** The config new named breakers copy; default the seed's consecutive mode. */
        public Builder defaultCircuitBreaker(CircuitBreakerConfig config) {
            this.defaultBreaker = Objects.requireNonNull(config, "defaultCircuitBreaker");
            return this;
        }

        /** The retry used when options ask for one; default {@code Retry.builder(name).build()}. */
        public Builder retry(Retry value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** How failures are classified; default {@link ErrorClassifier#defaults()}. */
        public Builder classifier(ErrorClassifier value) {
            this.classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        /** Where errors are recorded; default {@code ErrorAnalytics.ofDefaults(name)}. */
        public Builder analytics(ErrorAnalytics value) {
            this.analytics = Objects.requireNonNull(value, "analytics");
            return this;
        }

        /** The degradation policy outcomes feed; default manual {@code GracefulDegradation.ofDefaults(name)}. */
        public Builder degradation(GracefulDegradation value) {
            this.degradation = Objects.requireNonNull(value, "degradation");
            return this;
        }

        /** The recovery procedure; default the seed's slots with nothing bound. */
        public Builder recovery(RecoveryProcedure value) {
            this.recovery = Objects.requireNonNull(value, "recovery");
            return this;
        }

        /** The clock for breakers, analytics and health; default {@link Clock#system()}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the system. */
        public ErrorHandlingSystem build() {
            if (defaultBreaker == null) {
                defaultBreaker = CircuitBreaker.builder(name).clock(clock).toConfig();
            }
            if (retry == null) {
                retry = Retry.builder(name).build();
            }
            if (analytics == null) {
                analytics = ErrorAnalytics.builder(name).clock(clock).build();
            }
            if (degradation == null) {
                degradation = GracefulDegradation.builder(name).clock(clock).build();
            }
            if (recovery == null) {
                recovery = RecoveryProcedure.builder(name).seedDefaults().clock(clock).build();
            }
            return new ErrorHandlingSystem(this);
        }
    }
}
