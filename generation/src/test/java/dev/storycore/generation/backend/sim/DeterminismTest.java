package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedAndJobsGiveTheSameOutcomesAndReports() {
        assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void reportsReadTheSameWhereverTheInputFilesLie() throws Exception {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (String folder : List.of("first", "second")) {
            Path image = Files.createDirectories(dir.resolve(folder).resolve("inputs")).resolve("still.png");
            Files.write(image, new byte[] {1});
            GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(11, FailureProfile.NONE).build());
            for (int frames = 41; frames <= 81; frames += 4) {
                GenerationRequest r = SimFixtures.request("wan2.1-i2v-14b-480p").size(1280, 720).frames(frames)
                        .inputImage(image.toString()).build();
                (folder.equals("first") ? first : second)
                        .add(SimFixtures.outcome(sim, SimFixtures.job("s" + frames, 0, r, dir)) + " " + report(sim,
                                SimFixtures.job("s" + frames, 1, r, dir)));
            }
        }
        assertThat(first).hasSize(11).allSatisfy(o -> assertThat(o).startsWith("GPU_OUT_OF_MEMORY"));
        assertThat(second).isEqualTo(first);
    }

    private static String report(GpuSimulatorBackend sim, GenerationJob job) {
        try {
            sim.generate(job, p -> { });
            return "delivered";
        } catch (SimulatedFailure f) {
            return f.report();
        }
    }

    @Test
    void anotherSeedGivesOtherOutcomes() {
        assertThat(run(42)).isNotEqualTo(run(43));
    }

    @Test
    void outcomesDoNotDependOnHowConcurrentShotsInterleave() throws Exception {
        Map<String, String> sequential = new TreeMap<>();
        GpuSimulatorBackend one = backend(5);
        for (int shot = 0; shot < 12; shot++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                GenerationJob job = SimFixtures.job("shot" + shot, attempt, request(shot), dir);
                sequential.put(job.jobId(), SimFixtures.outcome(one, job));
            }
        }
        Map<String, String> concurrent = new ConcurrentHashMap<>();
        GpuSimulatorBackend other = backend(5);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> shots = new ArrayList<>();
            for (int shot = 11; shot >= 0; shot--) {
                int s = shot;
                shots.add(pool.submit(() -> {
                    start.await();
                    for (int attempt = 0; attempt < 4; attempt++) {
                        GenerationJob job = SimFixtures.job("shot" + s, attempt, request(s), dir);
                        concurrent.put(job.jobId(), SimFixtures.outcome(other, job));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : shots) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new TreeMap<>(concurrent)).isEqualTo(sequential);
        assertThat(Set.copyOf(sequential.values())).hasSizeGreaterThan(3);
    }

    /** Outcomes and full reports of a fixed sequence of jobs, run one after another. */
    private List<String> run(long seed) {
        GpuSimulatorBackend sim = backend(seed);
        List<String> outcomes = new ArrayList<>();
        for (int shot = 0; shot < 12; shot++) {
            for (int attempt = 0; attempt < 3; attempt++) {
                GenerationJob job = SimFixtures.job("shot" + shot, attempt, request(shot), dir);
                try {
                    outcomes.add("ok " + sim.generate(job, p -> { }).gpuSeconds());
                } catch (SimulatedFailure f) {
                    outcomes.add(f.kind() + " " + f.gpuSecondsSpent() + " " + f.report());
                }
            }
        }
        return outcomes;
    }

    private static GpuSimulatorBackend backend(long seed) {
        return new GpuSimulatorBackend(SimFixtures.fastConfig(seed, FailureProfile.HARSH)
                .corruptModels(Set.of("wan2.1-vace-14b")).missingModels(Set.of("wan2.2-ti2v-5b")).build());
    }

    private static GenerationRequest request(int shot) {
        return switch (shot % 6) {
            case 0 -> SimFixtures.tooLarge();
            case 1 -> SimFixtures.ramHungry();
            case 2 -> SimFixtures.request("wan2.1-vace-14b").frames(17).steps(4).build();
            case 3 -> SimFixtures.request("wan2.2-ti2v-5b").frames(17).steps(4).build();
            default -> SimFixtures.fitting().toBuilder().prompt("shot " + shot).build();
        };
    }
}
