package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleTableTest {

    @Test
    void endsWithACatchAllUnknownThatIsNeverRetried() {
        List<Rule> rules = RuleTable.rules();
        Rule last = rules.get(rules.size() - 1);

        assertThat(last.code()).isEqualTo("UNKNOWN");
        assertThat(last.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(rules.subList(0, rules.size() - 1)).noneMatch(r -> r.code().equals("UNKNOWN"));
    }

    @Test
    void everyRuleHasAMessageAndEveryTemplateRendersWithoutValues() {
        for (Rule rule : RuleTable.rules()) {
            assertThat(MessageTemplate.render(rule.message(), Map.of())).as(rule.name()).isNotBlank();
            rule.guidance().forEach(line -> MessageTemplate.render(line, Map.of()));
        }
    }

    @Test
    void coversEveryGenerationCategory() {
        assertThat(RuleTable.rules().stream().map(Rule::category).distinct())
                .containsExactlyInAnyOrder(GenerationErrorCategory.values());
    }

    @Test
    void hasManyDistinctUpperSnakeCodes() {
        assertThat(GenerationErrorClassifier.codes()).hasSizeGreaterThanOrEqualTo(40)
                .allMatch(code -> code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"));
    }

    @Test
    void ruleRejectsACodeThatIsNotUpperSnake() {
        assertThatThrownBy(() -> Rule.of("x", "gpu-oom", GenerationErrorCategory.UNKNOWN, Disposition.DO_NOT_RETRY,
                Severity.LOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UPPER_SNAKE");
    }
}
