package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemStatsParsingTest {

    @Test
    void readsTheNewestFormatWithSeveralDevicesPrimaryFirst() {
        SystemStats stats = StatsParsing.systemStats(TestSupport.resourceJson("system_stats_multi_device.json"));

        assertThat(stats.system().comfyuiVersion()).isEqualTo("0.3.60");
        assertThat(stats.system().pytorchVersion()).isEqualTo("2.8.0+cu128");
        assertThat(stats.system().pythonVersion()).startsWith("3.12.3");
        assertThat(stats.system().os()).isEqualTo("linux");
        assertThat(stats.system().ramTotal()).isEqualTo(67_317_608_448L);
        assertThat(stats.devices()).hasSize(3);
        SystemStats.Device primary = stats.primaryDevice().orElseThrow();
        assertThat(primary.index()).isEqualTo(1);
        assertThat(primary.productName()).isEqualTo("NVIDIA RTX A6000");
        assertThat(primary.vramTotal()).isEqualTo(51_041_271_808L);
        assertThat(primary.torchVramFree()).isEqualTo(1_073_741_824L);
        assertThat(stats.devices().get(1).vramFree()).isEqualTo(1_224_736_768L);
    }

    @Test
    void aDeviceWithoutIndexReadsMinusOne() {
        SystemStats stats = StatsParsing.systemStats(TestSupport.resourceJson("system_stats_multi_device.json"));

        SystemStats.Device cpu = stats.devices().get(2);
        assertThat(cpu.type()).isEqualTo("cpu");
        assertThat(cpu.index()).isEqualTo(-1);
        assertThat(cpu.productName()).isEqualTo("cpu");
    }

    @Test
    void readsTheLate2024SingleDeviceFormat() {
        SystemStats stats = StatsParsing.systemStats(TestSupport.resourceJson("system_stats_late_2024.json"));

        assertThat(stats.system().os()).isEqualTo("posix");
        assertThat(stats.system().comfyuiVersion()).isEqualTo("0.3.10");
        assertThat(stats.system().pytorchVersion()).isEqualTo("2.5.1+cu124");
        assertThat(stats.system().embeddedPython()).isFalse();
        assertThat(stats.devices()).singleElement().satisfies(device -> {
            assertThat(device.productName()).isEqualTo("NVIDIA GeForce RTX 3060");
            assertThat(device.type()).isEqualTo("cuda");
            assertThat(device.vramTotal()).isEqualTo(12_622_168_064L);
            assertThat(device.vramFree()).isEqualTo(11_573_641_216L);
        });
    }

    @Test
    void anOlderFormatWithoutVersionsReadsEmptyStrings() throws Exception {
        String body = "{\"system\": {\"os\": \"nt\", \"python_version\": \"3.10.9\", \"embedded_python\": true},"
                + " \"devices\": [{\"name\": \"cuda:0 NVIDIA GeForce RTX 2080 Ti : native\", \"type\": \"cuda\","
                + " \"index\": 0, \"vram_total\": 11811160064, \"vram_free\": 10737418240}]}";

        SystemStats stats = StatsParsing.systemStats(TestSupport.JSON.readTree(body));

        assertThat(stats.system().comfyuiVersion()).isEmpty();
        assertThat(stats.system().pytorchVersion()).isEmpty();
        assertThat(stats.system().embeddedPython()).isTrue();
        assertThat(stats.system().ramTotal()).isZero();
        assertThat(stats.primaryDevice().orElseThrow().torchVramTotal()).isZero();
        assertThat(stats.primaryDevice().orElseThrow().productName()).isEqualTo("NVIDIA GeForce RTX 2080 Ti");
    }

    @Test
    void noDevicesMeansNoPrimaryDevice() throws Exception {
        SystemStats stats = StatsParsing.systemStats(TestSupport.JSON.readTree("{\"system\": {}, \"devices\": []}"));

        assertThat(stats.primaryDevice()).isEmpty();
    }
}
