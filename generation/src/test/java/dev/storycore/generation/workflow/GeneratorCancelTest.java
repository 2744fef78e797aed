package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GeneratorCancelTest {

    private final FakeClock clock = new FakeClock();
    private final FakeBackend gpu = FakeBackend.gpu();
    private final FakeBackend cpu = FakeBackend.cpu();
    private final ResilientVideoGenerator generator =
            ResilientVideoGenerator.create(gpu, cpu, Shots.config(clock, new RecordingSleeper(clock)));

    @Test
    void cancelStopsTheRunningJobAndEndsTheShotInterrupted() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        gpu.then(job -> {
            started.countDown();
            await(release);
            throw new BackendException("fake-gpu", "Processing interrupted", 4.0);
        });
        var result = CompletableFuture.supplyAsync(() -> generator.generate(Shots.shot("a", Shots.small())));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        generator.cancel();
        release.countDown();

        ShotResult ended = result.get(10, TimeUnit.SECONDS);
        assertThat(ended.status()).isEqualTo(ShotStatus.INTERRUPTED);
        assertThat(gpu.cancelled).containsExactly("a-primary-1");
        assertThat(gpu.jobs).hasSize(1);
        assertThat(cpu.jobs).isEmpty();
        assertThat(generator.statistics().interrupted()).isEqualTo(1);
    }

    @Test
    void shotsAfterCancelEndInterruptedWithoutAnAttempt() {
        generator.cancel();

        ShotResult result = generator.generate(Shots.shot("late", Shots.small()));

        assertThat(result.status()).isEqualTo(ShotStatus.INTERRUPTED);
        assertThat(result.attempts()).isZero();
        assertThat(gpu.jobs).isEmpty();
        assertThat(generator.cancelled()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
