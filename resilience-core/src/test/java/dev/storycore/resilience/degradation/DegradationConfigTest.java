package dev.storycore.resilience.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DegradationConfigTest {

    @Test
    void defaultsAreDocumented() {
        DegradationConfig config = GracefulDegradation.ofDefaults("render").config();

        assertThat(config.name()).isEqualTo("render");
        assertThat(config.mode()).isEqualTo(GracefulDegradation.Mode.MANUAL);
        assertThat(config.degradeThreshold()).isEqualTo(0.5);
        assertThat(config.restoreThreshold()).isEqualTo(0.1);
        assertThat(config.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.minimumCalls()).isEqualTo(10);
        assertThat(config.quietPeriod()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.clock()).isSameAs(Clock.system());
        assertThat(config.listeners()).isEmpty();
    }

    @Test
    void toBuilderCopiesEveryValue() {
        DegradationConfig config = GracefulDegradation.builder("render").automatic().degradeThreshold(0.7)
                .restoreThreshold(0.2).window(Duration.ofSeconds(30)).minimumCalls(3)
                .quietPeriod(Duration.ofSeconds(90)).listener(event -> { }).buildConfig();

        assertThat(config.toBuilder().buildConfig()).isEqualTo(config);
        assertThat(config.toBuilder().minimumCalls(5).buildConfig().minimumCalls()).isEqualTo(5);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("degradeThreshold", (UnaryOperator<GracefulDegradation.Builder>) b -> b.degradeThreshold(0)),
                Arguments.of("degradeThreshold", (UnaryOperator<GracefulDegradation.Builder>) b -> b.degradeThreshold(1.5)),
                Arguments.of("degradeThreshold",
                        (UnaryOperator<GracefulDegradation.Builder>) b -> b.degradeThreshold(Double.NaN)),
                Arguments.of("restoreThreshold", (UnaryOperator<GracefulDegradation.Builder>) b -> b.restoreThreshold(-0.1)),
                Arguments.of("restoreThreshold",
                        (UnaryOperator<GracefulDegradation.Builder>) b -> b.degradeThreshold(0.3).restoreThreshold(0.3)),
                Arguments.of("window", (UnaryOperator<GracefulDegradation.Builder>) b -> b.window(Duration.ZERO)),
                Arguments.of("minimumCalls", (UnaryOperator<GracefulDegradation.Builder>) b -> b.minimumCalls(0)),
                Arguments.of("quietPeriod",
                        (UnaryOperator<GracefulDegradation.Builder>) b -> b.quietPeriod(Duration.ofSeconds(-1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badConfigurationFailsAtBuildNamingTheParameter(
            String parameter, UnaryOperator<GracefulDegradation.Builder> change) {
        GracefulDegradation.Builder builder = change.apply(GracefulDegradation.builder("render"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter);
    }

    @Test
    void blankNameFailsAtBuild() {
        assertThatThrownBy(() -> GracefulDegradation.builder(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name");
    }
}
