package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import org.junit.jupiter.api.Test;

class QualityScoreTest {

    private final ModelRegistry models = ModelRegistry.builtIn();

    @Test
    void anUnchangedShotScoresOne() {
        assertThat(QualityScore.of(Tier.PRIMARY, Shots.large(), Shots.large(), models)).isEqualTo(QualityScore.FULL);
    }

    @Test
    void memorySettingsCostNothing() {
        var delivered = Shots.large().toBuilder().offload(Offload.SEQUENTIAL).vaeTiling(true).textEncoderOnCpu(true)
                .build();

        assertThat(QualityScore.of(Tier.PRIMARY, Shots.large(), delivered, models).value()).isEqualTo(1.0);
    }

    @Test
    void eachCutMultipliesItsDocumentedFactor() {
        var delivered = Shots.large().toBuilder().size(832, 480).frames(41).steps(15).precision(Precision.FP8).build();

        QualityScore score = QualityScore.of(Tier.REDUCED, Shots.large(), delivered, models);

        assertThat(score.tier()).isEqualTo(0.95);
        assertThat(score.resolution()).isEqualTo(Math.round(Math.sqrt(832.0 * 480 / (1280 * 720)) * 1000) / 1000.0);
        assertThat(score.frames()).isEqualTo(Math.round((0.5 + 0.5 * 41 / 81.0) * 1000) / 1000.0);
        assertThat(score.steps()).isEqualTo(0.9);
        assertThat(score.precision()).isEqualTo(0.95);
        assertThat(score.model()).isEqualTo(1.0);
        double product = 0.95 * Math.sqrt(832.0 * 480 / (1280 * 720)) * (0.5 + 0.5 * 41 / 81.0) * 0.9 * 0.95;
        assertThat(score.value()).isEqualTo(Math.round(product * 1000) / 1000.0);
    }

    @Test
    void aLighterModelCostsByItsParameterRatio() {
        var delivered = Shots.large().toBuilder().modelId("wan2.1-t2v-1.3b").build();

        QualityScore score = QualityScore.of(Tier.MINIMAL, Shots.large(), delivered, models);

        assertThat(score.model()).isEqualTo(Math.round(Math.pow(1.3 / 14.0, 0.15) * 1000) / 1000.0);
        assertThat(score.model()).isBetween(0.69, 0.71);
    }

    @Test
    void thePlaceholderScoresItsTierFactorAlone() {
        assertThat(QualityScore.of(Tier.PLACEHOLDER, Shots.large(), Shots.large(), models).value()).isEqualTo(0.1);
    }

    @Test
    void nothingCountsAboveOne() {
        var bigger = Shots.small().toBuilder().size(1280, 720).frames(81).steps(60).build();

        assertThat(QualityScore.of(Tier.PRIMARY, Shots.small(), bigger, models).value()).isEqualTo(1.0);
    }
}
