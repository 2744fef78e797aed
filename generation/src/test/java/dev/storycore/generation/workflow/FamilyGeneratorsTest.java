package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelFamily;
import dev.storycore.resilience.degradation.DegradationLevel;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FamilyGeneratorsTest {

    private final FakeClock clock = new FakeClock();
    private final GeneratorConfig base = Shots.config(clock, new RecordingSleeper(clock));

    @Test
    void hunyuanAndWanAreConfigurationsOfOneGenerator() {
        var hunyuan = HunyuanVideoGenerator.create(FakeBackend.gpu(), FakeBackend.cpu(), base);
        var wan = WanVideoGenerator.create(FakeBackend.gpu(), FakeBackend.cpu(), base);

        assertThat(hunyuan.name()).isEqualTo("hunyuan");
        assertThat(hunyuan.config().preferredFamilies()).containsExactly(ModelFamily.HUNYUAN);
        assertThat(hunyuan.config().backoff().initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(wan.name()).isEqualTo("wan");
        assertThat(wan.config().preferredFamilies()).containsExactly(ModelFamily.WAN);
        assertThat(wan.analytics()).isSameAs(hunyuan.analytics());
    }

    @Test
    void healthTurnsDegradedWhenAModelIsQuarantinedOrQualityIsScaledDown() {
        var gpu = FakeBackend.gpu();
        var generator = WanVideoGenerator.create(gpu, FakeBackend.cpu(), base);
        assertThat(generator.health().status()).isEqualTo(GeneratorHealth.Status.HEALTHY);

        gpu.thenFail(FakeBackend.CORRUPT_WEIGHTS, 0.0);
        generator.generate(Shots.shot("a", Shots.small()));

        GeneratorHealth health = generator.health();
        assertThat(health.status()).isEqualTo(GeneratorHealth.Status.DEGRADED);
        assertThat(health.quarantinedModels()).isEqualTo(1);
        assertThat(health.recentCritical()).isNotEmpty();
    }

    @Test
    void aLowerQualityLevelScalesRequestsAndSaysSo() {
        var gpu = FakeBackend.gpu();
        var generator = WanVideoGenerator.create(gpu, FakeBackend.cpu(), base);
        generator.degradation().degradeTo(DegradationLevel.MEDIUM, "test");

        ShotResult result = generator.generate(Shots.shot("a", Shots.small()));

        assertThat(result.warnings()).first().asString().startsWith("quality level MEDIUM: ");
        assertThat(result.delivered().steps()).isEqualTo(18);
        assertThat(result.qualityScore()).isLessThan(1.0);
        assertThat(generator.health().status()).isEqualTo(GeneratorHealth.Status.DEGRADED);
    }
}
