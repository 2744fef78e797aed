package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AMOUNT = Pattern.compile("([0-9.]+) (GiB|MiB|KiB|bytes)");

    @TempDir
    Path dir;

    @Test
    void gpuOutOfMemoryReportsUseEveryRealWordingWithTheMemoryModelsNumbers() throws Exception {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(11, FailureProfile.NONE).build());
        GroundTruthMemory truth = new GroundTruthMemory(11);
        Set<String> wordings = new HashSet<>();
        for (int i = 0; i < 80 && wordings.size() < MemoryReports.GpuWording.values().length; i++) {
            GenerationRequest r = SimFixtures.tooLarge().toBuilder().prompt("shot " + i).frames(81 - 8 * (i % 8))
                    .build();
            MemoryTrace.GpuOverflow overflow = truth.trace(SimFixtures.MODELS.require(r.modelId()), r)
                    .firstGpuOverflow(sim.usableVramBytes()).orElseThrow();
            SimulatedFailure failure = fail(sim, SimFixtures.job("s" + i, 0, r, dir));
            assertThat(failure.kind()).isEqualTo(FaultKind.GPU_OUT_OF_MEMORY);
            assertThat(failure.gpuSecondsSpent()).isPositive();
            wordings.add(checkGpuReport(failure.report(), overflow));
        }
        assertThat(wordings).containsExactlyInAnyOrder("caching", "caching-pid", "async", "async-bare", "cuda-runtime",
                "old-caching", "script");
    }

    @Test
    void systemRamReportNamesTheFailedAllocationInBytes() throws Exception {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        GenerationRequest r = SimFixtures.ramHungry();
        long requested = new GroundTruthMemory(0).trace(SimFixtures.MODELS.require(r.modelId()), r)
                .firstHostOverflow(64L << 30).orElseThrow().requested();
        SimulatedFailure failure = fail(sim, SimFixtures.job("s", 0, r, dir));

        assertThat(failure.kind()).isEqualTo(FaultKind.HOST_OUT_OF_MEMORY);
        String text = messageOf(failure.report());
        assertThat(text).contains("DefaultCPUAllocator").contains("[enforce fail at alloc_cpu.cpp:")
                .contains("you tried to allocate " + requested + " bytes.");
    }

    @Test
    void corruptWeightsFailWhileLoadingWithASafetensorsHeaderError() throws Exception {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE)
                .corruptModels(Set.of("WAN2.1-T2V-1.3B")).build());
        for (int i = 0; i < 6; i++) {
            SimulatedFailure failure = fail(sim, SimFixtures.job("s" + i, 0,
                    SimFixtures.fitting().toBuilder().prompt("p" + i).build(), dir));
            assertThat(failure.kind()).isEqualTo(FaultKind.CORRUPT_WEIGHTS);
            assertThat(failure.gpuSecondsSpent()).isBetween(0.01, 5.0);
            String report = failure.report();
            assertThat(report).containsPattern("Error while deserializing header: (MetadataIncompleteBuffer"
                    + "|HeaderTooLarge|InvalidHeaderDeserialization)");
            if (report.startsWith("{")) {
                JsonNode payload = payload(report);
                assertThat(payload.path("exception_type").asText()).isEqualTo("safetensors_rust.SafetensorError");
                assertThat(payload.path("node_type").asText()).isEqualTo("UNETLoader");
                assertThat(payload.path("current_inputs").path("unet_name").get(0).asText())
                        .isEqualTo("wan2.1_t2v_1.3b_bf16.safetensors");
            } else {
                assertThat(report).startsWith("!!! Exception during processing !!!")
                        .contains("safetensors_rust.SafetensorError: ");
            }
        }
    }

    @Test
    void missingAndUnknownModelsAreRefusedWithValueNotInListBeforeAnyGpuWork() throws Exception {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(2, FailureProfile.NONE)
                .missingModels(Set.of("wan2.1-t2v-14b")).build());
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String model = i % 2 == 0 ? "wan2.1-t2v-14b" : "wan9-ultra";
            GenerationRequest r = SimFixtures.fitting().toBuilder().modelId(model).prompt("p" + i).build();
            SimulatedFailure failure = fail(sim, SimFixtures.job("s" + i, 0, r, dir));
            assertThat(failure.kind()).isEqualTo(FaultKind.MISSING_MODEL);
            assertThat(failure.gpuSecondsSpent()).isZero();
            String file = model.replace('-', '_') + "_bf16.safetensors";
            String details = "unet_name: '" + file + "' not in ['hunyuan_video_i2v_bf16.safetensors'";
            if (failure.report().startsWith("{")) {
                JsonNode body = JSON.readTree(failure.report());
                assertThat(body.path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
                JsonNode error = body.path("node_errors").path("37").path("errors").get(0);
                assertThat(error.path("type").asText()).isEqualTo("value_not_in_list");
                assertThat(error.path("details").asText()).startsWith(details).doesNotContain("wan2.1_t2v_14b_bf16',");
                assertThat(body.path("node_errors").path("37").path("class_type").asText()).isEqualTo("UNETLoader");
                shapes.add("json");
            } else {
                assertThat(failure.report()).startsWith("Prompt outputs failed validation:\nUNETLoader:\n"
                        + "- Value not in list: " + details);
                shapes.add("text");
            }
        }
        assertThat(shapes).containsExactlyInAnyOrder("json", "text");
    }

    @Test
    void chanceFaultsPrintWhatClientsPrintAndCostWhatTheyBurned() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(4, FailureProfile.HARSH)
                .reattachAfterDrop(false).build());
        Map<FaultKind, Integer> seen = new EnumMap<>(FaultKind.class);
        double fullJob = 0;
        for (int i = 0; i < 300; i++) {
            try {
                fullJob = sim.generate(SimFixtures.job("shot" + i, 0, SimFixtures.fitting(), dir), p -> { })
                        .gpuSeconds();
                continue;
            } catch (SimulatedFailure f) {
                seen.merge(f.kind(), 1, Integer::sum);
                checkChanceReport(f);
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(FaultKind.CONNECTION_REFUSED,
                FaultKind.CONNECTION_DROPPED, FaultKind.WORKER_CRASHED, FaultKind.STALLED);
        assertThat(fullJob).isPositive();
    }

    @Test
    void aMissingInputFileFailsBeforeTheJobWithItsName() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            String path = dir.resolve("missing-" + i + ".png").toString();
            GenerationRequest r = SimFixtures.request("wan2.2-ti2v-5b").frames(17).steps(4).inputImage(path).build();
            SimulatedFailure failure = fail(sim, SimFixtures.job("s" + i, 0, r, dir));
            assertThat(failure.kind()).isEqualTo(FaultKind.MISSING_INPUT);
            assertThat(failure.gpuSecondsSpent()).isZero();
            if (failure.report().startsWith("{")) {
                assertThat(failure.report()).contains("Invalid image file: missing-" + i + ".png");
                shapes.add("validation");
            } else {
                assertThat(failure.report()).contains("FileNotFoundError: [Errno 2] No such file or directory: '"
                        + path + "'");
                shapes.add("client");
            }
        }
        assertThat(shapes).hasSize(2);
    }

    private static void checkChanceReport(SimulatedFailure f) {
        switch (f.kind()) {
            case CONNECTION_REFUSED -> {
                assertThat(f.report()).containsPattern("Connection refused|Connect call failed");
                assertThat(f.gpuSecondsSpent()).isZero();
            }
            case CONNECTION_DROPPED -> assertThat(f.report())
                    .containsPattern("ConnectionClosedError\\(no close frame received or sent\\)"
                            + "|ConnectionClosedError: no close frame|Connection to remote host was lost"
                            + "|\\[Errno 104\\] Connection reset by peer");
            case WORKER_CRASHED -> {
                assertThat(f.report()).containsPattern("Remote end closed connection without response"
                        + "|Server disconnected|/history/[0-9a-f-]{36} .*\\[Errno 111\\] Connection refused");
                assertThat(f.gpuSecondsSpent()).isPositive();
            }
            case STALLED -> {
                assertThat(f.report()).containsPattern("Read timed out\\. \\(read timeout=300\\)"
                        + "|asyncio\\.exceptions\\.TimeoutError$|WebSocketTimeoutException: Connection timed out");
                assertThat(f.gpuSecondsSpent()).isGreaterThanOrEqualTo(300.0);
            }
            default -> throw new AssertionError("not a chance fault: " + f.kind());
        }
    }

    /** Checks one GPU report against the overflow and names its wording. */
    private static String checkGpuReport(String report, MemoryTrace.GpuOverflow overflow) throws Exception {
        String requested = ByteFormat.format(overflow.requested());
        String free = ByteFormat.format(16 * GpuProfile.GIB - overflow.inUse());
        if (report.startsWith("Traceback")) {
            assertThat(report).contains("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate " + requested
                    + ". GPU 0 has a total capacity of 16.00 GiB of which " + free + " is free.");
            return "script";
        }
        if (report.startsWith("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate " + requested
                + " (GPU 0; 16.00 GiB total capacity; ")) {
            assertThat(report).contains(" already allocated; " + free + " free; ");
            return "old-caching";
        }
        JsonNode payload = payload(report);
        assertThat(UUID.fromString(payload.path("prompt_id").asText()).version()).isEqualTo(4);
        assertThat(payload.path("node_type").asText()).isEqualTo(overflow.node());
        assertThat(payload.path("traceback").isArray()).isTrue();
        String message = payload.path("exception_message").asText();
        String type = payload.path("exception_type").asText();
        assertThat(message).endsWith(MemoryReports.TIPS);
        if (message.startsWith("Allocation on device 0 would exceed allowed memory. (out of memory)")) {
            assertThat(type).isEqualTo("torch.OutOfMemoryError");
            assertThat(message).contains("\nRequested               : " + requested + "\n")
                    .contains("\nDevice limit            : 16.00 GiB\n")
                    .contains("\nFree (according to CUDA): " + free + "\n");
            return "async";
        }
        if (message.startsWith("Allocation on device \n")) {
            return "async-bare";
        }
        if (message.startsWith("CUDA error: out of memory\n")) {
            assertThat(type).isEqualTo("RuntimeError");
            return "cuda-runtime";
        }
        assertThat(message).startsWith("CUDA out of memory. Tried to allocate " + requested
                + ". GPU 0 has a total capacity of 16.00 GiB of which " + free + " is free. ");
        assertThat(bytes(requested)).isGreaterThan(bytes(free));
        if (type.equals("torch.cuda.OutOfMemoryError")) {
            assertThat(message).containsPattern("Process \\d+ has " + Pattern.quote(
                    ByteFormat.format(overflow.inUse())) + " memory in use");
            return "caching-pid";
        }
        assertThat(type).isEqualTo("torch.OutOfMemoryError");
        assertThat(message).contains("this process has " + ByteFormat.format(overflow.inUse()) + " memory in use")
                .contains("Of the allocated memory " + ByteFormat.format(overflow.allocated())
                        + " is allocated by PyTorch");
        return "caching";
    }

    private static SimulatedFailure fail(GpuSimulatorBackend sim, GenerationJob job) {
        return catchThrowableOfType(SimulatedFailure.class, () -> sim.generate(job, p -> { }));
    }

    /** The {@code execution_error} data, bare or inside its WebSocket message. */
    static JsonNode payload(String report) throws Exception {
        JsonNode root = JSON.readTree(report);
        return root.has("data") ? root.path("data") : root;
    }

    private static String messageOf(String report) throws Exception {
        return report.startsWith("{") ? payload(report).path("exception_message").asText() : report;
    }

    private static double bytes(String amount) {
        Matcher m = AMOUNT.matcher(amount);
        assertThat(m.matches()).as(amount).isTrue();
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "GiB" -> value * (1L << 30);
            case "MiB" -> value * (1L << 20);
            case "KiB" -> value * 1024;
            default -> value;
        };
    }
}
