package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.resilience.Sleeper;
import dev.storycore.resilience.testing.FakeClock;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelTest {

    @TempDir
    Path dir;

    @Test
    void cancellingARunningJobFailsItWithAnInterruptionAtThatPoint() throws Exception {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        double whole = sim.generate(SimFixtures.job("whole", 0, SimFixtures.fitting(), dir), ProgressListener.NONE)
                .gpuSeconds();
        GenerationJob job = SimFixtures.job("cut", 0, SimFixtures.fitting(), dir);

        SimulatedFailure failure = catchThrowableOfType(SimulatedFailure.class, () -> sim.generate(job, p -> {
            if (p.phase().equals("sampling")) {
                sim.cancel(job.jobId());
            }
        }));

        assertThat(failure.kind()).isEqualTo(FaultKind.INTERRUPTED);
        assertThat(failure.gpuSecondsSpent()).isPositive().isLessThan(whole);
        if (failure.report().startsWith("{")) {
            JsonNode message = new ObjectMapper().readTree(failure.report());
            assertThat(message.path("type").asText()).isEqualTo("execution_interrupted");
            assertThat(message.path("data").path("node_type").asText()).isEqualTo("KSampler");
        } else {
            assertThat(failure.report()).startsWith("Processing interrupted\n")
                    .contains("InterruptProcessingException");
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void cancellingAnUnknownOrFinishedJobDoesNothing() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        GenerationJob job = SimFixtures.job("a", 0, SimFixtures.fitting(), dir);
        sim.cancel("no-such-job");
        sim.generate(job, ProgressListener.NONE);
        sim.cancel(job.jobId());

        assertThat(SimFixtures.outcome(sim, job)).startsWith("ok");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void cancellingInterruptsAJobWaitingOnARealTimeSleeper() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Sleeper blocking = duration -> {
            sleeping.countDown();
            never.await();
        };
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE)
                .time(new FakeClock(), blocking, 1.0).build());
        GenerationJob job = SimFixtures.job("a", 0, SimFixtures.fitting(), dir);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = pool.submit(() -> sim.generate(job, ProgressListener.NONE));
            sleeping.await();
            sim.cancel(job.jobId());

            ExecutionException e = catchThrowableOfType(ExecutionException.class, running::get);
            assertThat(e.getCause()).isInstanceOfSatisfying(SimulatedFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(FaultKind.INTERRUPTED));
            assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
