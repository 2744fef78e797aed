package dev.storycore.generation.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuPresetsTest {

    @Test
    void knowsElevenPresetsSmallestFirst() {
        assertThat(GpuPresets.all()).extracting(GpuProfile::id).containsExactly("rtx-4080", "a10g", "l4",
                "rtx-3090", "rtx-4090", "rtx-5090", "a100-40", "l40s", "a100-80", "h100-80", "h200-141");
    }

    @ParameterizedTest
    @CsvSource({
        "4090, rtx-4090", "RTX 4090, rtx-4090", "rtx-4090, rtx-4090", "NVIDIA GeForce RTX 4090, rtx-4090",
        "rtx4080, rtx-4080", "3090, rtx-3090", "5090, rtx-5090", "L4, l4", "l40s, l40s", "A10G, a10g",
        "a100-80, a100-80", "A100 80GB, a100-80", "a100_40, a100-40", "NVIDIA A100-SXM4-80GB, a100-80",
        "H100, h100-80", "h100-80gb, h100-80", "H200, h200-141", "h200 141, h200-141"})
    void findsPresetsByForgivingNames(String name, String id) {
        assertThat(GpuPresets.require(name).id()).isEqualTo(id);
    }

    @Test
    void anAmbiguousNameListsTheCandidates() {
        assertThat(GpuPresets.find("a100")).isEmpty();
        assertThatThrownBy(() -> GpuPresets.require("a100")).isInstanceOf(GenerationException.class)
                .hasMessage("ambiguous GPU 'a100': say which of a100-40, a100-80");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> GpuPresets.require("voodoo2")).isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("unknown GPU 'voodoo2' (known: rtx-3090, rtx-4080,")
                .hasMessageEndingWith("or give --vram GB)");
    }

    @Test
    void presetsCarryMemoryAndNumberFormats() {
        GpuProfile rtx4090 = GpuPresets.require("4090");
        assertThat(rtx4090.vramGb()).isEqualTo(24);
        assertThat(rtx4090.vramBytes()).isEqualTo(24L << 30);
        assertThat(rtx4090.fp8()).isTrue();
        assertThat(GpuPresets.require("3090").fp8()).isFalse();
        assertThat(GpuPresets.require("a100-80").fp8()).isFalse();
        assertThat(GpuPresets.require("h100").fp8()).isTrue();
        assertThat(GpuPresets.all()).allMatch(GpuProfile::bf16);
        assertThat(GpuPresets.require("h200").vramGb()).isEqualTo(141);
    }

    @Test
    void theDefaultIsASixteenGigabyteRtx4080() {
        assertThat(GpuPresets.DEFAULT.id()).isEqualTo("rtx-4080");
        assertThat(GpuPresets.DEFAULT.vramGb()).isEqualTo(16);
    }

    @Test
    void findsTheSmallestPresetWithEnoughMemory() {
        assertThat(GpuPresets.smallestWithAtLeast(GpuProfile.bytes(30))).map(GpuProfile::id).contains("rtx-5090");
        assertThat(GpuPresets.smallestWithAtLeast(GpuProfile.bytes(200))).isEmpty();
    }

    @Test
    void aVramOnlyProfileAssumesBf16ButNotFp8() {
        GpuProfile custom = GpuProfile.ofVram(12.5);
        assertThat(custom.name()).isEqualTo("custom 12.5 GB");
        assertThat(custom.vramBytes()).isEqualTo((long) (12.5 * (1L << 30)));
        assertThat(custom.bf16()).isTrue();
        assertThat(custom.fp8()).isFalse();
        assertThatThrownBy(() -> GpuProfile.ofVram(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GpuProfile.ofVram(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsGigabytesWithoutTrailingZeros() {
        assertThat(GpuProfile.formatGb(24)).isEqualTo("24");
        assertThat(GpuProfile.formatGb(15.70)).isEqualTo("15.7");
        assertThat(GpuProfile.formatGb(8.194)).isEqualTo("8.19");
    }
}
