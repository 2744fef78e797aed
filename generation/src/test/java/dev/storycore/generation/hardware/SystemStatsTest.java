package dev.storycore.generation.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemStatsTest {

    private static final String NEWEST = """
            {"system": {"os": "linux", "ram_total": 67280175104, "ram_free": 60000000000,
                        "comfyui_version": "0.3.50", "python_version": "3.12", "pytorch_version": "2.7.1"},
             "devices": [
               {"name": "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", "type": "cuda", "index": 0,
                "vram_total": 25757220864, "vram_free": 25000000000,
                "torch_vram_total": 0, "torch_vram_free": 0},
               {"name": "cuda:1 NVIDIA A100-SXM4-80GB : native", "type": "cuda", "index": 1,
                "vram_total": 85095874560, "vram_free": 85000000000},
               {"name": "cpu", "type": "cpu", "index": null, "vram_total": 0, "vram_free": 0}]}
            """;

    @Test
    void readsEveryGpuPrimaryFirstAndSkipsTheCpu() {
        List<GpuProfile> gpus = SystemStats.gpus(NEWEST);
        assertThat(gpus).extracting(GpuProfile::name)
                .containsExactly("NVIDIA GeForce RTX 4090", "NVIDIA A100-SXM4-80GB");
        assertThat(gpus.get(0).vramBytes()).isEqualTo(25_757_220_864L);
        assertThat(gpus.get(0).id()).isEqualTo("rtx-4090");
        assertThat(gpus.get(0).fp8()).isTrue();
        assertThat(gpus.get(1).id()).isEqualTo("a100-80");
        assertThat(gpus.get(1).fp8()).isFalse();
    }

    @Test
    void readsTheOlderSingleDeviceReply() {
        String old = """
                {"system": {"os": "posix", "python_version": "3.10"},
                 "devices": [{"name": "cuda:0 NVIDIA GeForce RTX 3090 : cudaMallocAsync", "type": "cuda",
                              "index": 0, "vram_total": 25438126080, "vram_free": 24000000000}]}
                """;
        GpuProfile gpu = SystemStats.primaryGpu(old);
        assertThat(gpu.name()).isEqualTo("NVIDIA GeForce RTX 3090");
        assertThat(gpu.vramGb()).isCloseTo(23.69, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void guessesNumberFormatsForGpusWithoutAPreset() {
        assertThat(gpu("Tesla T4").bf16()).isFalse();
        assertThat(gpu("NVIDIA GeForce RTX 2080 Ti").bf16()).isFalse();
        assertThat(gpu("NVIDIA H100 80GB HBM3").fp8()).isTrue();
        assertThat(gpu("NVIDIA RTX 6000 Ada Generation").fp8()).isTrue();
        GpuProfile a6000 = gpu("NVIDIA RTX A6000");
        assertThat(a6000.bf16()).isTrue();
        assertThat(a6000.fp8()).isFalse();
        assertThat(a6000.id()).isEqualTo("detected");
    }

    @Test
    void stripsTheTorchDeviceAndTheAllocator() {
        assertThat(SystemStats.deviceName("cuda:0 NVIDIA L4 : cudaMallocAsync")).isEqualTo("NVIDIA L4");
        assertThat(SystemStats.deviceName("NVIDIA L4")).isEqualTo("NVIDIA L4");
    }

    @Test
    void aCpuOnlyServerHasNoPrimaryGpu() {
        String cpu = "{\"devices\": [{\"name\": \"cpu\", \"type\": \"cpu\", \"vram_total\": 0}]}";
        assertThat(SystemStats.gpus(cpu)).isEmpty();
        assertThatThrownBy(() -> SystemStats.primaryGpu(cpu)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("lists no GPU");
    }

    @Test
    void malformedRepliesAreOneLineErrors() {
        assertThatThrownBy(() -> SystemStats.gpus("<html>502</html>")).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("/system_stats reply is not valid JSON");
        assertThatThrownBy(() -> SystemStats.gpus("{\"system\": {}}")).hasMessage(
                "/system_stats reply has no 'devices' list");
    }

    private static GpuProfile gpu(String name) {
        return SystemStats.primaryGpu("{\"devices\": [{\"name\": \"cuda:0 " + name
                + " : native\", \"type\": \"cuda\", \"vram_total\": 17179869184}]}");
    }
}
