package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilientVideoGeneratorTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final FakeBackend gpu = FakeBackend.gpu();
    private final FakeBackend cpu = FakeBackend.cpu();

    private ResilientVideoGenerator generator() {
        return ResilientVideoGenerator.create(gpu, cpu, Shots.config(clock, sleeper));
    }

    @Test
    void deliversAFittingShotAsRequestedWithFullQuality() {
        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.DELIVERED);
        assertThat(result.tier()).isEqualTo(Tier.PRIMARY);
        assertThat(result.qualityScore()).isEqualTo(1.0);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(Shots.small());
        assertThat(gpu.jobs).singleElement().satisfies(job -> assertThat(job.jobId()).isEqualTo("a-primary-1"));
    }

    @Test
    void retriesATransientErrorWithTheSameRequestAfterABackoff() {
        gpu.thenFail(FakeBackend.CONNECTION_RESET, 3.0);

        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.DELIVERED);
        assertThat(result.tier()).isEqualTo(Tier.PRIMARY);
        assertThat(gpu.jobs).hasSize(2);
        assertThat(gpu.jobs.get(1).request()).isEqualTo(gpu.jobs.get(0).request());
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
            assertThat(error.category()).isEqualTo(GenerationErrorCategory.BACKEND_UNAVAILABLE);
        });
        assertThat(result.wastedGpuSeconds()).isEqualTo(3.0);
        assertThat(result.gpuSeconds()).isEqualTo(13.0);
        assertThat(result.qualityScore()).isEqualTo(1.0);
    }

    @Test
    void outOfMemoryLetsThePlannerChangeTheRequestAndTheRetrySucceeds() {
        gpu.thenFail(FakeBackend.GPU_OOM, 20.0);

        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.DELIVERED);
        assertThat(result.tier()).isEqualTo(Tier.PRIMARY);
        assertThat(gpu.jobs).hasSize(2);
        GenerationRequest retried = gpu.jobs.get(1).request();
        assertThat(retried).isNotEqualTo(gpu.jobs.get(0).request());
        assertThat(result.recoveries()).singleElement().satisfies(recovery -> {
            assertThat(recovery.errorCode()).isEqualTo("GPU_OOM");
            assertThat(recovery.action().kind()).isEqualTo(dev.storycore.generation.recovery.ActionKind.REQUEST);
        });
        assertThat(result.delivered()).isEqualTo(retried);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("recovery after GPU_OOM"));
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(generator().statistics().recoveryAttempts()).isZero();
    }

    @Test
    void doNotRetryErrorGoesStraightToTheNextTierAndQuarantinesTheModel() {
        gpu.thenFail(FakeBackend.CORRUPT_WEIGHTS, 1.0);

        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(gpu.jobs).extracting(job -> job.jobId()).containsExactly("a-primary-1", "a-reduced-2");
        assertThat(result.tier()).isEqualTo(Tier.REDUCED);
        assertThat(result.delivered().modelId()).isNotEqualTo("wan2.1-t2v-1.3b");
        assertThat(result.warnings()).anyMatch(w -> w.contains("wan2.1-t2v-1.3b is unusable on fake-gpu (WEIGHTS_"));
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("primary tier failed: primary gave up after"));
        assertThat(result.qualityScore()).isLessThan(0.95);
    }

    @Test
    void anOpenBreakerSendsTheShotToTheNextTierWithoutCallingTheBackend() {
        var generator = ResilientVideoGenerator.create(gpu, cpu,
                Shots.config(clock, sleeper).toBuilder().maxAttempts(1).build());
        gpu.alwaysFail("TimeoutError: the request timed out after 300 seconds", 0.0);
        for (int i = 0; i < 4; i++) {
            generator.generate(Shots.shot("warm" + i, Shots.small()));
        }
        assertThat(generator.health().breakers()).containsEntry("test/fake-gpu/text-to-video/primary",
                dev.storycore.resilience.CircuitState.OPEN);
        gpu.jobs.clear();

        ShotResult result = generator.generate(Shots.shot("next", Shots.small()));

        assertThat(gpu.jobs).extracting(job -> job.jobId()).doesNotContain("next-primary-1");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("primary tier failed: primary: Circuit breaker")
                && w.contains("is open"));
    }

    @Test
    void anUnreachableBackendSendsLaterShotsStraightToThePlaceholderTier() {
        var generator = ResilientVideoGenerator.create(gpu, cpu,
                Shots.config(clock, sleeper).toBuilder().maxAttempts(1).build());
        gpu.alwaysFail(FakeBackend.CONNECTION_REFUSED, 0.0);

        for (int i = 0; i < 3; i++) {
            assertThat(generator.generate(Shots.shot("s" + i, Shots.small())).status())
                    .isEqualTo(ShotStatus.PLACEHOLDER);
        }
        assertThat(gpu.jobs).hasSize(WorkflowBreakers.UNREACHABLE_AFTER);
        gpu.jobs.clear();
        ShotResult next = generator.generate(Shots.shot("next", Shots.small()));

        assertThat(next.status()).isEqualTo(ShotStatus.PLACEHOLDER);
        assertThat(gpu.jobs).isEmpty();
        assertThat(generator.health().breakers()).containsEntry("test/fake-gpu/reachable",
                dev.storycore.resilience.CircuitState.OPEN);
    }

    @Test
    void anErrorFromTheServerStillCountsAsReachable() {
        var tiersNeverOpen = dev.storycore.resilience.CircuitBreaker.builder("tiers").failureThreshold(1000).toConfig();
        var generator = ResilientVideoGenerator.create(gpu, cpu,
                Shots.config(clock, sleeper).toBuilder().maxAttempts(1).breakerTemplate(tiersNeverOpen).build());
        int refusals = WorkflowBreakers.UNREACHABLE_AFTER - 1;
        for (int i = 0; i < refusals; i++) {
            gpu.thenFail(FakeBackend.CONNECTION_REFUSED, 0.0);
        }
        gpu.thenFail(FakeBackend.CORRUPT_WEIGHTS, 1.0);
        for (int i = 0; i < refusals; i++) {
            gpu.thenFail(FakeBackend.CONNECTION_REFUSED, 0.0);
        }

        for (int i = 0; i < 6; i++) {
            generator.generate(Shots.shot("s" + i, Shots.small()));
        }
        assertThat(gpu.jobs).hasSizeGreaterThan(2 * refusals + 1);

        assertThat(generator.health().breakers()).containsEntry("test/fake-gpu/reachable",
                dev.storycore.resilience.CircuitState.CLOSED);
    }

    @Test
    void placeholderIsFlaggedWhenEveryGpuTierFails() {
        gpu.alwaysFail(FakeBackend.CORRUPT_WEIGHTS, 1.0);

        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.PLACEHOLDER);
        assertThat(result.tier()).isEqualTo(Tier.PLACEHOLDER);
        assertThat(result.backend()).isEqualTo("fake-cpu");
        assertThat(result.qualityScore()).isEqualTo(0.1);
        assertThat(result.fromGpuTier()).isFalse();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("placeholder:"));
        assertThat(cpu.jobs).singleElement().satisfies(job -> assertThat(job.jobId()).isEqualTo("a-placeholder-"
                + result.attempts()));
    }

    @Test
    void failsWhenThePlaceholderFailsToo() {
        gpu.alwaysFail(FakeBackend.CORRUPT_WEIGHTS, 1.0);
        cpu.alwaysFail("java.io.IOException: No space left on device", 0.0);

        ShotResult result = generator().generate(Shots.shot("a", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.FAILED);
        assertThat(result.qualityScore()).isZero();
        assertThat(result.outputs()).isEmpty();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("placeholder tier failed"));
    }

    @Test
    void preflightMakesALargeShotFitBeforeTheFirstAttempt() {
        ShotResult result = generator().generate(Shots.shot("big", Shots.large()));

        assertThat(result.status()).isEqualTo(ShotStatus.DELIVERED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(gpu.jobs.get(0).request()).isNotEqualTo(Shots.large());
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("pre-flight (primary): "));
        assertThat(result.qualityScore()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void invalidRequestFailsWithoutTouchingABackend() {
        var bad = Shots.small().toBuilder().frames(-3).build();

        ShotResult result = generator().generate(Shots.shot("bad", bad));

        assertThat(result.status()).isEqualTo(ShotStatus.FAILED);
        assertThat(result.attempts()).isZero();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
        assertThat(gpu.jobs).isEmpty();
    }

    @Test
    void statisticsAddUp() {
        var generator = generator();
        gpu.thenFail(FakeBackend.CONNECTION_RESET, 1.0).then(gpu::succeed)
                .thenFail(FakeBackend.GPU_OOM, 2.0).then(gpu::succeed)
                .thenFail(FakeBackend.CORRUPT_WEIGHTS, 3.0);
        List<ShotResult> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(generator.generate(Shots.shot("s" + i, Shots.small())));
        }

        GeneratorStatistics stats = generator.statistics();
        int errors = results.stream().mapToInt(r -> r.errors().size()).sum();
        assertThat(stats.shots()).isEqualTo(4);
        assertThat(stats.delivered() + stats.placeholders() + stats.failed() + stats.interrupted()).isEqualTo(4);
        assertThat(stats.attempts()).isEqualTo(stats.attemptSuccesses() + errors);
        assertThat(stats.attempts()).isEqualTo(results.stream().mapToInt(ShotResult::attempts).sum());
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(stats.recoveryAttempts()).isEqualTo(1);
        assertThat(stats.recoverySuccesses()).isEqualTo(1);
        assertThat(stats.fallbackUses()).isEqualTo(1);
        assertThat(stats.deliveredByTier()).containsEntry(Tier.PRIMARY, 3L).containsEntry(Tier.REDUCED, 1L);
        assertThat(stats.wastedGpuSeconds()).isEqualTo(6.0);
        assertThat(stats.gpuSeconds()).isEqualTo(6.0 + 10.0 * stats.attemptSuccesses());
        assertThat(stats.successRate()).isEqualTo(1.0);
        assertThat(generator.analytics().totalErrors()).isEqualTo(errors);
        assertThat(generator.analytics().recoveryRate()).isEqualTo(1.0);
    }
}
