package dev.storycore.resilience.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.ErrorCategory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryConfigTest {

    @Test
    void defaultsAreAnEmptyProcedureWithAHundredResultsOfHistory() {
        RecoveryConfig config = RecoveryProcedure.builder("gpu").buildConfig();

        assertThat(config.strategies()).isEmpty();
        assertThat(config.historySize()).isEqualTo(100);
        assertThat(config.clock()).isSameAs(Clock.system());
    }

    @Test
    void aBindingThatNamesNoSlotFailsAtBuild() {
        assertThatThrownBy(() -> RecoveryProcedure.seedDefaults(Map.of("clear_cahce", context -> ActionResult.recovered())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bindings")
                .hasMessageContaining("clear_cahce");
    }

    @Test
    void aNameUsedTwiceInOneCategoryFailsAtBuild() {
        RecoveryProcedure.Builder builder = RecoveryProcedure.builder("gpu")
                .slot(ErrorCategory.MEMORY, "clear_cache").slot(ErrorCategory.MEMORY, "clear_cache");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategies")
                .hasMessageContaining("clear_cache");
    }

    @Test
    void theSameNameMayServeSeveralCategoriesAndOneBindingFillsThemAll() {
        RecoveryAction restart = context -> ActionResult.recovered();
        RecoveryConfig config = RecoveryProcedure.builder("gpu")
                .slot(ErrorCategory.MODEL, "restart_worker").slot(ErrorCategory.SYSTEM, "restart_worker")
                .bind("restart_worker", restart).buildConfig();

        assertThat(config.strategiesFor(ErrorCategory.MODEL).getFirst().action()).isSameAs(restart);
        assertThat(config.strategiesFor(ErrorCategory.SYSTEM).getFirst().action()).isSameAs(restart);
    }

    @Test
    void historySizeBelowOneFailsAtBuild() {
        assertThatThrownBy(() -> RecoveryProcedure.builder("gpu").historySize(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("historySize");
    }

    @Test
    void blankNamesAreRejected() {
        assertThatThrownBy(() -> RecoveryProcedure.builder(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name");
        assertThatThrownBy(() -> RecoveryProcedure.builder("gpu").slot(ErrorCategory.MEMORY, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name");
    }

    @Test
    void toBuilderKeepsBoundStrategiesAndAllowsRebinding() {
        RecoveryAction first = context -> ActionResult.recovered("first");
        RecoveryAction second = context -> ActionResult.recovered("second");
        RecoveryConfig config = RecoveryProcedure.builder("gpu").seedDefaults().bind("clear_cache", first).buildConfig();

        assertThat(config.toBuilder().buildConfig()).isEqualTo(config);
        assertThat(config.toBuilder().bind("clear_cache", second).buildConfig()
                .strategiesFor(ErrorCategory.MEMORY).getFirst().action()).isSameAs(second);
    }
}
