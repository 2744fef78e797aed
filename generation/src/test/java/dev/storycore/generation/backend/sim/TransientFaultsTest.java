package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransientFaultsTest {

    @TempDir
    Path dir;

    @Test
    void chanceFaultsPassWhenTheSameRequestIsRetried() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(9, FailureProfile.HARSH).build());
        int failedFirst = 0;
        for (int shot = 0; shot < 60; shot++) {
            int attempt = 0;
            String outcome = SimFixtures.outcome(sim, SimFixtures.job("shot" + shot, 0, SimFixtures.fitting(), dir));
            failedFirst += outcome.startsWith("ok") ? 0 : 1;
            while (!outcome.startsWith("ok") && attempt < 8) {
                assertThat(FaultKind.valueOf(outcome.split(" ")[0]).transientFault()).isTrue();
                outcome = SimFixtures.outcome(sim, SimFixtures.job("shot" + shot, ++attempt, SimFixtures.fitting(),
                        dir));
            }
            assertThat(outcome).as("shot " + shot).startsWith("ok");
        }
        assertThat(failedFirst).isPositive();
    }

    @Test
    void chanceFaultsHappenAtTheDocumentedRates() {
        assertThat(failureRate(FailureProfile.NONE, 200, false)).isZero();
        assertThat(failureRate(FailureProfile.MILD, 1000, false)).isCloseTo(0.10, within(0.03));
        assertThat(failureRate(FailureProfile.HARSH, 1000, false)).isCloseTo(0.30, within(0.045));
        assertThat(FailureProfile.HARSH.transientProbability()).isLessThanOrEqualTo(0.35);
    }

    @Test
    void aClientThatReattachesLosesNoAttemptToADroppedConnection() {
        double dropped = FailureProfile.HARSH.droppedProbability();
        assertThat(failureRate(FailureProfile.HARSH, 1000, true))
                .isCloseTo(FailureProfile.HARSH.transientProbability() - dropped, within(0.04))
                .isLessThan(failureRate(FailureProfile.HARSH, 1000, false) - dropped / 2);
    }

    @Test
    void faultsTheRequestCausesRepeatOnEveryAttempt() {
        GpuSimulatorBackend calm = new GpuSimulatorBackend(SimFixtures.fastConfig(1, FailureProfile.NONE).build());
        List<String> reports = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            GenerationJob job = SimFixtures.job("big", attempt, SimFixtures.tooLarge(), dir);
            try {
                calm.generate(job, p -> { });
                reports.add("delivered");
            } catch (SimulatedFailure f) {
                assertThat(f.kind()).isEqualTo(FaultKind.GPU_OUT_OF_MEMORY);
                reports.add(f.report().replaceAll("\"(prompt_id|timestamp)\":(\"[^\"]*\"|\\d+)", ""));
            }
        }
        assertThat(reports).containsOnly(reports.get(0)).doesNotContain("delivered");

        GpuSimulatorBackend harsh = new GpuSimulatorBackend(SimFixtures.fastConfig(1, FailureProfile.HARSH).build());
        int ooms = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            String outcome = SimFixtures.outcome(harsh, SimFixtures.job("big", attempt, SimFixtures.tooLarge(), dir));
            assertThat(outcome).doesNotStartWith("ok");
            ooms += outcome.startsWith("GPU_OUT_OF_MEMORY") ? 1 : 0;
        }
        assertThat(ooms).isGreaterThan(10);
    }

    @Test
    void profileNoneNeverFailsARequestThatFits() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(6, FailureProfile.NONE).build());
        int fitting = 0;
        for (GenerationRequest r : GroundTruthMemoryTest.grid()) {
            SimulatedMemory memory = sim.simulatedMemory(r);
            if (memory.peakBytes() > sim.usableVramBytes() || memory.hostRamBytes() > 64L << 30 || fitting >= 300) {
                continue;
            }
            fitting++;
            assertThat(SimFixtures.outcome(sim, SimFixtures.job("s" + fitting, 0, r, dir))).as(r.summary())
                    .startsWith("ok");
        }
        assertThat(fitting).isGreaterThan(100);
    }

    private double failureRate(FailureProfile profile, int attempts, boolean reattach) {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(21, profile)
                .reattachAfterDrop(reattach).build());
        int failed = 0;
        for (int i = 0; i < attempts; i++) {
            failed += SimFixtures.outcome(sim, SimFixtures.job("shot" + i, 0, SimFixtures.fitting(), dir))
                    .startsWith("ok") ? 0 : 1;
        }
        return (double) failed / attempts;
    }
}
