package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.FakeClock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Building, copying and rejecting configurations. */
class CircuitBreakerConfigTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("failureThreshold", b -> b.failureThreshold(0)),
                bad("successThreshold", b -> b.successThreshold(0)),
                bad("permittedCallsInHalfOpen", b -> b.permittedCallsInHalfOpen(-1)),
                bad("openDuration", b -> b.openDuration(Duration.ZERO)),
                bad("openDuration", b -> b.openDuration(Duration.ofSeconds(-5))),
                bad("failureRateThreshold", b -> b.failureRateThreshold(0)),
                bad("failureRateThreshold", b -> b.failureRateThreshold(100.5)),
                bad("failureRateThreshold", b -> b.failureRateThreshold(Double.NaN)),
                bad("minimumCalls", b -> b.minimumCalls(0)),
                bad("slidingWindow", b -> b.slidingWindow(Duration.ZERO, 10)),
                bad("windowBuckets", b -> b.slidingWindow(Duration.ofSeconds(60), 0)),
                bad("windowBuckets", b -> b.slidingWindow(Duration.ofSeconds(60), 1001)),
                bad("slidingWindow / windowBuckets", b -> b.slidingWindow(Duration.ofMillis(5), 10)),
                bad("slowCallDuration", b -> b.slowCallThreshold(Duration.ofSeconds(-1), 50)),
                bad("slowCallRateThreshold", b -> b.slowCallThreshold(Duration.ofMinutes(5), 0)),
                bad("slowCallRateThreshold", b -> b.slowCallThreshold(Duration.ofMinutes(5), 101)),
                bad("openDurationMultiplier", b -> b.openDurationBackoff(0.5, Duration.ofMinutes(5))),
                bad("openDurationMultiplier", b -> b.openDurationBackoff(Double.POSITIVE_INFINITY, Duration.ofMinutes(5))),
                bad("maxOpenDuration", b -> b.openDurationBackoff(2, Duration.ofSeconds(30))),
                bad("failureThreshold", b -> b.failureThreshold(3).minimumCalls(3)),
                bad("name", b -> b.name(" ")));
    }

    private static Arguments bad(String parameter, UnaryOperator<CircuitBreakerBuilder> setting) {
        return Arguments.of(parameter, setting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badConfigurationFailsAtBuildNamingTheParameter(String parameter, UnaryOperator<CircuitBreakerBuilder> setting) {
        CircuitBreakerBuilder builder = setting.apply(CircuitBreaker.builder("bad"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    }

    @Test
    void settingsCanBeCheckedOnlyAtBuild() {
        CircuitBreakerBuilder builder = CircuitBreaker.builder("late").failureThreshold(0);

        builder.failureThreshold(3);

        assertThat(builder.build().config().threshold()).isEqualTo(new CircuitBreakerThreshold.Consecutive(3));
    }

    @Test
    void missingPiecesAreRejectedByName() {
        assertThatThrownBy(() -> CircuitBreaker.builder("x").clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> CircuitBreaker.builder("x").listener(null)).hasMessage("listener");
        assertThatThrownBy(() -> CircuitBreaker.builder(null)).hasMessage("name");
        assertThatThrownBy(() -> CircuitBreaker.of(null)).hasMessage("config");
    }

    @Test
    void toBuilderCopiesEverySetting() {
        CircuitBreakerConfig config = CircuitBreaker.builder("wan").failureRateThreshold(40).minimumCalls(3)
                .slidingWindow(Duration.ofMinutes(10), 20).slowCallThreshold(Duration.ofMinutes(8), 75)
                .successThreshold(3).permittedCallsInHalfOpen(2).openDuration(Duration.ofSeconds(30))
                .openDurationBackoff(2, Duration.ofMinutes(8)).clock(new FakeClock()).writableStackTrace(true)
                .toConfig();

        assertThat(config.toBuilder().toConfig()).isEqualTo(config);
        assertThat(config.toBuilder().name("hunyuan").toConfig().name()).isEqualTo("hunyuan");
    }

    @Test
    void copiedConfigurationWithoutBackoffFollowsANewOpenDuration() {
        CircuitBreakerConfig config = CircuitBreaker.builder("x").toConfig();

        CircuitBreakerConfig longer = config.toBuilder().openDuration(Duration.ofMinutes(5)).toConfig();

        assertThat(longer.maxOpenDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachBuildMakesAnIndependentBreaker() {
        CircuitBreakerBuilder builder = CircuitBreaker.builder("twin").failureThreshold(1);
        CircuitBreaker first = builder.build();
        CircuitBreaker second = builder.build();

        first.open();

        assertThat(second.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(first.toString()).isEqualTo("CircuitBreaker[twin, OPEN]");
    }
}
