package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReattachTest {

    @TempDir
    Path dir;

    @Test
    void aDroppedConnectionIsReattachedAndTheJobDeliversAtItsFullCost() {
        GpuSimulatorBackend harsh = new GpuSimulatorBackend(SimFixtures.fastConfig(5, FailureProfile.HARSH).build());
        GpuSimulatorBackend calm = new GpuSimulatorBackend(SimFixtures.fastConfig(5, FailureProfile.NONE).build());
        double fullCost = calm.generate(SimFixtures.job("calm", 0, SimFixtures.fitting(), dir), p -> { }).gpuSeconds();

        int reattached = 0;
        for (int shot = 0; shot < 120; shot++) {
            List<JobProgress> progress = new ArrayList<>();
            Optional<GenerationResult> result = attempt(harsh, "shot" + shot, SimFixtures.fitting(), progress);
            if (result.isEmpty() || result.get().notes().stream().noneMatch(n -> n.startsWith("connection dropped"))) {
                continue;
            }
            reattached++;
            assertThat(result.get().gpuSeconds()).isCloseTo(fullCost, within(1e-6));
            assertThat(result.get().notes()).anySatisfy(n -> assertThat(n)
                    .matches("connection dropped at \\d+ % \\(.+\\); re-attached, the job kept running"));
            List<String> messages = progress.stream().map(JobProgress::message).toList();
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("progress socket lost ("));
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("progress socket reconnected; prompt "));
            assertThat(progress).extracting(JobProgress::fraction).isSorted();
        }
        assertThat(reattached).isGreaterThan(3);
        assertThat(harsh.stats().reattached()).isEqualTo(reattached);
        assertThat(harsh.stats().failures()).doesNotContainKey(FaultKind.CONNECTION_DROPPED);
    }

    @Test
    void aFaultAfterTheDropStillEndsTheAttemptAtItsUsualCost() {
        GenerationRequest tooLarge = SimFixtures.tooLarge();
        GpuSimulatorBackend calm = new GpuSimulatorBackend(SimFixtures.fastConfig(8, FailureProfile.NONE).build());
        String expected = SimFixtures.outcome(calm, SimFixtures.job("big", 0, tooLarge, dir));
        assertThat(expected).startsWith("GPU_OUT_OF_MEMORY");

        GpuSimulatorBackend harsh = new GpuSimulatorBackend(SimFixtures.fastConfig(8, FailureProfile.HARSH).build());
        for (int attempt = 0; attempt < 60; attempt++) {
            String outcome = SimFixtures.outcome(harsh, SimFixtures.job("big", attempt, tooLarge, dir));
            assertThat(outcome).doesNotStartWith("CONNECTION_DROPPED").doesNotStartWith("ok");
            if (outcome.startsWith("GPU_OUT_OF_MEMORY")) {
                assertThat(outcome).isEqualTo(expected);
            }
        }
    }

    @Test
    void aClientThatGivesUpOnAClosedSocketLosesTheWorkSoFar() {
        GpuSimulatorBackend harsh = new GpuSimulatorBackend(SimFixtures.fastConfig(5, FailureProfile.HARSH)
                .reattachAfterDrop(false).build());
        int dropped = 0;
        for (int shot = 0; shot < 120; shot++) {
            String outcome = SimFixtures.outcome(harsh, SimFixtures.job("shot" + shot, 0, SimFixtures.fitting(), dir));
            if (outcome.startsWith("CONNECTION_DROPPED")) {
                dropped++;
                assertThat(Double.parseDouble(outcome.split(" ")[1])).isPositive();
            }
        }
        assertThat(dropped).isGreaterThan(3);
        assertThat(harsh.stats().reattached()).isZero();
    }

    private Optional<GenerationResult> attempt(GpuSimulatorBackend sim, String shot, GenerationRequest request,
                                               List<JobProgress> progress) {
        try {
            return Optional.of(sim.generate(SimFixtures.job(shot, 0, request, dir), progress::add));
        } catch (SimulatedFailure f) {
            return Optional.empty();
        }
    }
}
