package dev.storycore.resilience.analytics;

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

class AnalyticsConfigTest {

    @Test
    void defaultsAreDocumented() {
        AnalyticsConfig config = ErrorAnalytics.ofDefaults("render").config();

        assertThat(config).isEqualTo(new AnalyticsConfig("render", 1000, Duration.ofMinutes(10), 10, 10, Clock.system()));
    }

    @Test
    void toBuilderCopiesEveryValue() {
        AnalyticsConfig config = ErrorAnalytics.builder("render").historySize(50).window(Duration.ofMinutes(1))
                .topErrorsLimit(3).recentCriticalLimit(4).buildConfig();

        assertThat(config.toBuilder().buildConfig()).isEqualTo(config);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("historySize", (UnaryOperator<ErrorAnalytics.Builder>) b -> b.historySize(0)),
                Arguments.of("window", (UnaryOperator<ErrorAnalytics.Builder>) b -> b.window(Duration.ZERO)),
                Arguments.of("window", (UnaryOperator<ErrorAnalytics.Builder>) b -> b.window(Duration.ofMillis(59))),
                Arguments.of("topErrorsLimit", (UnaryOperator<ErrorAnalytics.Builder>) b -> b.topErrorsLimit(-1)),
                Arguments.of("recentCriticalLimit",
                        (UnaryOperator<ErrorAnalytics.Builder>) b -> b.recentCriticalLimit(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badConfigurationFailsAtBuildNamingTheParameter(String parameter, UnaryOperator<ErrorAnalytics.Builder> change) {
        ErrorAnalytics.Builder builder = change.apply(ErrorAnalytics.builder("render"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(parameter);
    }

    @Test
    void blankNameFailsAtBuild() {
        assertThatThrownBy(() -> ErrorAnalytics.builder("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name");
    }
}
