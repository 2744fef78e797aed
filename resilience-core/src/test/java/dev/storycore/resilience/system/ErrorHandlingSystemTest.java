package dev.storycore.resilience.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.Backoff;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitOpenException;
import dev.storycore.resilience.CircuitState;
import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.FallbackChain;
import dev.storycore.resilience.FallbackResult;
import dev.storycore.resilience.Jitter;
import dev.storycore.resilience.Retry;
import dev.storycore.resilience.RetriesExhaustedException;
import dev.storycore.resilience.degradation.DegradationLevel;
import dev.storycore.resilience.recovery.ActionResult;
import dev.storycore.resilience.recovery.RecoveryProcedure;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErrorHandlingSystemTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private ErrorHandlingSystem.Builder system() {
        return ErrorHandlingSystem.builder("studio").clock(clock)
                .retry(Retry.builder("studio").maxAttempts(3).backoff(Backoff.fixed(Duration.ofSeconds(1)))
                        .jitter(Jitter.NONE).sleeper(sleeper).build());
    }

    @Test
    void createsNamedBreakersFromTheSeedDefaultsOnFirstUse() {
        ErrorHandlingSystem system = system().build();

        CircuitBreaker breaker = system.circuitBreaker("comfyui");

        assertThat(system.circuitBreaker("comfyui")).isSameAs(breaker);
        assertThat(breaker.name()).isEqualTo("comfyui");
        assertThat(breaker.config().successThreshold()).isEqualTo(2);
        assertThat(breaker.config().openDuration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retriesTransientFailuresWhenAsked() {
        ErrorHandlingSystem system = system().build();
        var calls = new AtomicInteger();

        String result = system.execute(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("connection reset");
            }
            return "clip";
        }, ExecutionOptions.of("render"));

        assertThat(result).isEqualTo("clip");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(system.analytics().totalErrors()).isZero();
    }

    @Test
    void recordsAFinalFailureInAnalyticsUnderItsCategory() {
        ErrorHandlingSystem system = system().build();

        assertThatThrownBy(() -> system.execute(() -> { throw new IOException("refused"); },
                ExecutionOptions.of("upload")))
                .isInstanceOf(RetriesExhaustedException.class);

        assertThat(system.analytics().totalErrors()).isEqualTo(1);
        assertThat(system.analytics().countsByCategory()).containsEntry(ErrorCategory.NETWORK, 1L);
        assertThat(system.analytics().history()).singleElement()
                .satisfies(record -> assertThat(record.source()).isEqualTo("upload"));
    }

    @Test
    void aSuccessfulRecoveryRunsTheCallOnceMoreAndCountsAsRecovered() {
        var cacheCleared = new AtomicInteger();
        RecoveryProcedure recovery = RecoveryProcedure.seedDefaults(Map.of("clear_cache", context -> {
            cacheCleared.incrementAndGet();
            return ActionResult.recovered();
        }));
        ErrorHandlingSystem system = system().recovery(recovery)
                .classifier(failure -> Classification.of(ErrorCategory.MEMORY, Severity.HIGH,
                        Disposition.ADJUST_AND_RETRY, "GPU_OOM", failure.getMessage()))
                .build();
        var calls = new AtomicInteger();

        String result = system.execute(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("CUDA out of memory");
            }
            return "frame";
        }, ExecutionOptions.of("decode").withRetry(false));

        assertThat(result).isEqualTo("frame");
        assertThat(cacheCleared).hasValue(1);
        assertThat(system.analytics().recoveryRate()).isEqualTo(1.0);
    }

    @Test
    void anOpenBreakerIsRethrownWithoutRecoveryOrAnalytics() {
        ErrorHandlingSystem system = system().build();
        system.circuitBreaker("gpu").isolate();

        assertThatThrownBy(() -> system.execute(() -> "x", ExecutionOptions.of("render").withBreaker("gpu")))
                .isInstanceOf(CircuitOpenException.class);
        assertThat(system.analytics().totalErrors()).isZero();
        assertThat(system.recovery().history()).isEmpty();
    }

    @Test
    void runsARegisteredFallbackChainThroughBreakerAndRetry() {
        ErrorHandlingSystem system = system().build();
        system.register(FallbackChain.<Integer, String>builder("tiers")
                .level("primary", height -> { throw new IOException("worker died"); })
                .level("reduced", height -> "reduced " + Math.min(height, 480))
                .build());

        FallbackResult<String> result = system.execute(720, "tiers", ExecutionOptions.of("shot-1"));

        assertThat(result.value()).isEqualTo("reduced 480");
        assertThat(system.retry().statistics().exhausted()).isEqualTo(1);
        assertThat(system.health().fallbackChains()).containsKey("tiers");
    }

    @Test
    void anUnknownChainIsABadArgument() {
        ErrorHandlingSystem system = system().build();

        assertThatThrownBy(() -> system.execute(1, "nope", ExecutionOptions.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void healthReportsDegradationAndBreakerStates() {
        ErrorHandlingSystem system = system().build();
        system.circuitBreaker("comfyui");
        assertThat(system.health().status()).isEqualTo(SystemHealth.Status.HEALTHY);

        system.circuitBreaker("gpu").isolate();
        system.degradation().degrade("GPU errors");

        SystemHealth health = system.health();
        assertThat(health.status()).isEqualTo(SystemHealth.Status.DEGRADED);
        assertThat(health.degradationLevel()).isEqualTo(DegradationLevel.HIGH);
        assertThat(health.breakerStates()).containsEntry("comfyui", CircuitState.CLOSED)
                .containsKey("gpu");
        assertThat(health.at()).isEqualTo(clock.instant());
    }

    @Test
    void healthIsUnhealthyAtTheLowestLevelWithEveryBreakerRefusing() {
        ErrorHandlingSystem system = system().build();
        system.circuitBreaker("gpu").isolate();
        system.degradation().degradeTo(DegradationLevel.MINIMAL, "outage");

        assertThat(system.health().status()).isEqualTo(SystemHealth.Status.UNHEALTHY);
    }

    @Test
    void outcomesFeedAutomaticDegradation() {
        var degradation = dev.storycore.resilience.degradation.GracefulDegradation.builder("auto")
                .automatic().minimumCalls(3).clock(clock).build();
        ErrorHandlingSystem system = system().degradation(degradation).build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> system.execute(() -> { throw new IllegalStateException("boom"); },
                    ExecutionOptions.of("render").withRetry(false).withBreaker("")));
        }

        assertThat(system.degradation().level()).isEqualTo(DegradationLevel.HIGH);
    }
}
