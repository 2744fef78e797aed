package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.backend.sim.VirtualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJobTest {

    private static final String OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 "
            + "has a total capacity of 15.70 GiB of which 1.12 GiB is free.";

    @TempDir
    Path dir;

    private final ScriptedBackend gpu = new ScriptedBackend("scripted-gpu", true);
    private final ScriptedBackend cpu = new ScriptedBackend("scripted-cpu", false);
    private final StringWriter progress = new StringWriter();

    @Test
    void reportJsonHasEveryDocumentedField() throws Exception {
        gpu.failFirst("two", OOM);
        RunJob job = job(board("one", "two", "three"), 2);

        RunReport report = job.run();
        Path file = ReportFiles.write(dir.resolve("out"), report);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(json.get("gpu").get("vramGb").asDouble()).isEqualTo(16.0);
        JsonNode two = json.get("shots").get(1);
        assertThat(two.get("id").asText()).isEqualTo("two");
        assertThat(two.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(two.get("tier").asText()).isEqualTo("primary");
        assertThat(two.get("model").asText()).isEqualTo("wan2.1-t2v-1.3b");
        assertThat(two.get("parameters").get("size").asText()).isEqualTo("832x480");
        assertThat(two.get("parameters").get("frames").asInt()).isEqualTo(33);
        assertThat(two.get("qualityScore").asDouble()).isBetween(0.5, 1.0);
        assertThat(two.get("warnings")).anyMatch(w -> w.asText().startsWith("recovery after GPU_OOM"));
        assertThat(two.get("attempts").asInt()).isEqualTo(2);
        assertThat(two.get("recoveries").get(0).get("afterError").asText()).isEqualTo("GPU_OOM");
        assertThat(two.get("errors").get(0).get("category").asText()).isEqualTo("MEMORY_MANAGEMENT");
        assertThat(two.get("errors").get(0).get("code").asText()).isEqualTo("GPU_OOM");
        assertThat(two.get("outputs").get(0).asText()).isEqualTo("two/two-primary-2.mp4");
        assertThat(two.get("gpuSeconds").asDouble()).isEqualTo(7.0);
        assertThat(two.get("wastedGpuSeconds").asDouble()).isEqualTo(2.0);
        JsonNode summary = json.get("summary");
        assertThat(summary.get("shots").asInt()).isEqualTo(3);
        assertThat(summary.get("delivered").asInt()).isEqualTo(3);
        assertThat(summary.get("deliveredPercent").asDouble()).isEqualTo(100.0);
        assertThat(summary.get("attempts").asInt()).isEqualTo(4);
        assertThat(summary.get("errorsByCode").get("GPU_OOM").asInt()).isEqualTo(1);
        assertThat(summary.get("gpuSeconds").asDouble()).isEqualTo(17.0);
        assertThat(Files.list(dir.resolve("out"))).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json");
    }

    @Test
    void anInterruptedRunReportsWhatFinishedAndWhatDidNot() throws Exception {
        gpu.blockUntilCancelled("two");
        RunJob job = job(board("one", "two", "three"), 1);
        var running = CompletableFuture.supplyAsync(() -> {
            try {
                return job.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(gpu.blockedStarted.await(10, TimeUnit.SECONDS)).isTrue();
        var err = new StringWriter();

        new InterruptReport(job, dir.resolve("out"), new PrintWriter(err)).run();

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out").resolve("report.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(json.get("shots")).extracting(s -> s.get("status").asText())
                .containsExactly("DELIVERED", "INTERRUPTED", "NOT_RUN");
        assertThat(json.get("summary").get("notRun").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("interrupted").asInt()).isEqualTo(1);
        assertThat(err.toString()).contains("interrupted; wrote the report");
        assertThat(running.get(10, TimeUnit.SECONDS).summary().notRun()).isEqualTo(1);
        assertThat(cpu.jobs).isEmpty();
    }

    @Test
    void theHookDoesNothingAfterANormalEnd() throws Exception {
        RunJob job = job(board("one"), 1);
        job.run();

        new InterruptReport(job, dir.resolve("out"), new PrintWriter(new StringWriter())).run();

        assertThat(dir.resolve("out")).doesNotExist();
    }

    private RunJob job(Storyboard board, int concurrency) {
        var time = new VirtualClock();
        var generators = RunGenerators.create(gpu, cpu, board.models(), GpuPresets.DEFAULT, time, time.sleeper(), 1);
        return new RunJob(board, dir.resolve("out"), generators::route, generators.all(), concurrency,
                new PlainProgress(new PrintWriter(progress)),
                new RunJob.Setting(gpu.name(), RunCommand.gpuFields(GpuPresets.DEFAULT), "none", 1));
    }

    private Storyboard board(String... ids) throws IOException {
        var shots = new StringBuilder();
        for (String id : ids) {
            shots.append(shots.isEmpty() ? "" : ",").append("{\"id\": \"").append(id).append("\", \"workflow\": "
                    + "\"t2v\", \"model\": \"wan2.1-t2v-1.3b\", \"prompt\": \"p\", \"frames\": 33, \"steps\": 10}");
        }
        Path file = Files.writeString(dir.resolve("board.json"), "{\"shots\": [" + shots + "]}");
        return StoryboardReader.read(file, ModelRegistry.builtIn());
    }
}
