package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final String TEMPLATE = "GPU out of memory[ running {model}][: tried to allocate {requested}].";

    @Test
    void keepsBracketedPartsWhosePlaceholdersAllHaveValues() {
        assertThat(MessageTemplate.render(TEMPLATE, Map.of("model", "wan2.1-t2v-14b", "requested", "2.50 GiB")))
                .isEqualTo("GPU out of memory running wan2.1-t2v-14b: tried to allocate 2.50 GiB.");
    }

    @Test
    void dropsBracketedPartsWithAMissingOrBlankValue() {
        assertThat(MessageTemplate.render(TEMPLATE, Map.of("model", " "))).isEqualTo("GPU out of memory.");
    }

    @Test
    void fillsUnbracketedPlaceholdersWithUnknownWhenMissing() {
        assertThat(MessageTemplate.render("Failed in {node}.", Map.of())).isEqualTo("Failed in unknown.");
    }

    @Test
    void keepsOneFullStopWhenAValueEndsTheSentenceWithItsOwn() {
        assertThat(MessageTemplate.render("Missing: {file}.", Map.of("file", "config.json.")))
                .isEqualTo("Missing: config.json.");
        assertThat(MessageTemplate.render("Said: {text}", Map.of("text", "wait..."))).isEqualTo("Said: wait...");
    }

    @Test
    void valuesAreNotReadAsTemplateSyntax() {
        assertThat(MessageTemplate.render("Available: {list}", Map.of("list", "['a', '{b}']")))
                .isEqualTo("Available: ['a', '{b}']");
    }

    @Test
    void rejectsUnclosedBracketsAndBraces() {
        assertThatThrownBy(() -> MessageTemplate.render("a [b", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageTemplate.render("a {b", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
