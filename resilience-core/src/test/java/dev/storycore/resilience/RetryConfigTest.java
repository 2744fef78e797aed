package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryConfigTest {

    @Test
    void defaultsAreThreeAttemptsExponentialBackoffAndQuarterJitterOnIoAndTimeouts() {
        RetryConfig config = Retry.builder("defaults").build().config();

        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.backoff()).isEqualTo(Backoff.exponential());
        assertThat(config.jitter()).isEqualTo(Jitter.PROPORTIONAL);
        assertThat(config.retryOn())
                .containsExactly(IOException.class, UncheckedIOException.class, TimeoutException.class,
                        TimeoutExceededException.class);
        assertThat(config.retryIf()).isEmpty();
        assertThat(config.abortOn()).isEmpty();
        assertThat(config.retryOnResult()).isEmpty();
        assertThat(config.classifier()).isSameAs(ErrorClassifier.defaults());
        assertThat(config.listeners()).isEmpty();
    }

    @Test
    void zeroAttemptsFailAtBuildNamingTheParameter() {
        RetryBuilder builder = Retry.builder("bad").maxAttempts(0);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("maxAttempts");
    }

    @Test
    void blankNameFailsAtBuild() {
        assertThatIllegalArgumentException().isThrownBy(() -> Retry.builder(" ").build())
                .withMessageContaining("name");
        assertThatNullPointerException().isThrownBy(() -> Retry.builder(null));
    }

    @Test
    void toBuilderKeepsEverySettingAndAddsFurtherRules() {
        RetryConfig original = Retry.builder("original").maxAttempts(7).jitter(Jitter.FULL)
                .retryOn(IllegalStateException.class).listener(event -> { }).buildConfig();

        RetryConfig changed = original.toBuilder().retryOn(ArithmeticException.class).buildConfig();

        assertThat(changed.maxAttempts()).isEqualTo(7);
        assertThat(changed.jitter()).isEqualTo(Jitter.FULL);
        assertThat(changed.listeners()).hasSize(1);
        assertThat(changed.retryOn()).containsExactly(IllegalStateException.class, ArithmeticException.class);
        assertThat(original.retryOn()).containsExactly(IllegalStateException.class);
    }

    @Test
    void theBuilderCanBeReusedWithoutChangingRetriesAlreadyBuilt() {
        RetryBuilder builder = Retry.builder("reused");
        Retry first = builder.build();

        builder.maxAttempts(9).abortOn(IllegalStateException.class);

        assertThat(first.config().maxAttempts()).isEqualTo(3);
        assertThat(first.config().abortOn()).isEmpty();
        assertThat(builder.build().config().maxAttempts()).isEqualTo(9);
    }

    @Test
    void retryOfConfigUsesThatConfig() {
        RetryConfig config = Retry.builder("from-config").maxAttempts(2).buildConfig();

        Retry retry = Retry.of(config);

        assertThat(retry.config()).isSameAs(config);
        assertThat(retry.name()).isEqualTo("from-config");
    }
}
