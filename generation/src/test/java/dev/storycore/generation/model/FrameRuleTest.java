package dev.storycore.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.GenerationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameRuleTest {

    private final FrameRule rule = FrameRule.FOUR_K_PLUS_ONE;

    @Test
    void acceptsOnlyFourKPlusOne() {
        assertThat(rule.accepts(81)).isTrue();
        assertThat(rule.accepts(129)).isTrue();
        assertThat(rule.accepts(1)).isTrue();
        assertThat(rule.accepts(80)).isFalse();
        assertThat(rule.accepts(0)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"80, 81", "83, 81", "84, 85", "79, 77", "78, 77", "1, 1", "0, 1", "-7, 1", "121, 121"})
    void snapsToTheNearestValidCountDownOnATie(int frames, int expected) {
        assertThat(rule.nearest(frames)).isEqualTo(expected);
    }

    @Test
    void floorsAndCeilsToValidCounts() {
        assertThat(rule.floor(84)).isEqualTo(81);
        assertThat(rule.ceil(82)).isEqualTo(85);
        assertThat(rule.ceil(81)).isEqualTo(81);
        assertThat(rule.floor(0)).isEqualTo(1);
    }

    @Property
    void nearestIsAlwaysAcceptedAndWithinHalfAStep(@ForAll @IntRange(min = 1, max = 10_000) int frames) {
        int snapped = rule.nearest(frames);
        assertThat(rule.accepts(snapped)).isTrue();
        assertThat(Math.abs(snapped - frames)).isLessThanOrEqualTo(2);
    }

    @Test
    void parsesAndPrintsTheRule() {
        assertThat(FrameRule.parse(" 4k + 1 ")).isEqualTo(rule);
        assertThat(FrameRule.parse("8k+1").toString()).isEqualTo("8k+1");
    }

    @Test
    void rejectsBadRulesNamingThem() {
        assertThatThrownBy(() -> FrameRule.parse("every fourth")).isInstanceOf(GenerationException.class)
                .hasMessageContaining("'every fourth'");
        assertThatThrownBy(() -> FrameRule.parse("0k+1")).isInstanceOf(GenerationException.class)
                .hasMessageContaining("multiple");
    }
}
