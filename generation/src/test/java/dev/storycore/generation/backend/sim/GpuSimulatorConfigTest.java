package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpuSimulatorConfigTest {

    @Test
    void defaultsToASixteenGigabyteGpuWithoutChanceFaultsOnAVirtualClock() {
        GpuSimulatorConfig config = GpuSimulatorConfig.builder().build();

        assertThat(config.name()).isEqualTo("sim");
        assertThat(config.gpu().id()).isEqualTo("rtx-4080");
        assertThat(config.gpu().vramBytes()).isEqualTo(16 * GpuProfile.GIB);
        assertThat(config.failureProfile()).isEqualTo(FailureProfile.NONE);
        assertThat(config.outputMode()).isEqualTo(OutputMode.PREVIEW);
        assertThat(config.models()).isSameAs(ModelRegistry.builtIn());
        assertThat(config.clock()).isInstanceOf(VirtualClock.class);
        assertThat(config.previewFrames()).isEqualTo(16);
        assertThat(config.hostRamBytes()).isEqualTo(64 * GpuProfile.GIB);
        assertThat(GpuSimulatorConfig.builder().build().clock()).isNotSameAs(config.clock());
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().previewFrames(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previewFrames");
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().otherProcessesVramBytes(16 * GpuProfile.GIB).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otherProcessesVramBytes");
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().stallTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallTimeout");
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().realTime(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeScale");
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().name(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> GpuSimulatorConfig.builder().hostRamBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostRamBytes");
    }

    @Test
    void modelIdsAreNormalisedAndToBuilderKeepsEveryValue() {
        GpuSimulatorConfig config = GpuSimulatorConfig.builder().seed(9).failureProfile(FailureProfile.HARSH)
                .corruptModels(Set.of(" Wan2.1-T2V-14B ")).missingModels(Set.of("HUNYUAN-VIDEO-T2V")).build();

        assertThat(config.corruptModels()).containsExactly("wan2.1-t2v-14b");
        assertThat(config.missingModels()).containsExactly("hunyuan-video-t2v");
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void profilesParseByNameAndKeepChanceFaultsRetryable() {
        assertThat(FailureProfile.parse(" Harsh ")).isEqualTo(FailureProfile.HARSH);
        assertThatThrownBy(() -> FailureProfile.parse("brutal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'brutal'").hasMessageContaining("none, mild or harsh");
        assertThat(FailureProfile.NONE.transientProbability()).isZero();
        assertThat(FailureProfile.MILD.transientProbability()).isCloseTo(0.10, within(1e-9));
        assertThat(FailureProfile.HARSH.transientProbability()).isCloseTo(0.30, within(1e-9));
        assertThat(FailureProfile.HARSH.select(0.0)).contains(FaultKind.CONNECTION_REFUSED);
        assertThat(FailureProfile.HARSH.select(0.299)).contains(FaultKind.STALLED);
        assertThat(FailureProfile.HARSH.select(0.3)).isEmpty();
    }
}
