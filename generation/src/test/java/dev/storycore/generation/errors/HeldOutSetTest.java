package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A held-out set written apart from the shared corpus (src/test/resources/errors/held-out.jsonl):
 * paraphrases and other real-world variants (GPUs, sizes, torch and ComfyUI versions, tracebacks,
 * JSON payloads, hub errors), each with the category, disposition and code it must get.
 */
class HeldOutSetTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    static List<LabelledErrors> heldOut() throws IOException {
        try (InputStream in = HeldOutSetTest.class.getResourceAsStream("/errors/held-out.jsonl")) {
            Objects.requireNonNull(in, "held-out.jsonl missing from test resources");
            return LabelledErrors.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heldOut")
    void classifiesHeldOutEntryAsLabelled(LabelledErrors entry) {
        GenerationError error = CLASSIFIER.classify(entry.text(), entry.model());

        assertThat(error.category()).as("category of %s (code %s)", entry, error.code()).isIn(entry.categories());
        assertThat(error.disposition()).as("disposition of %s (code %s)", entry, error.code())
                .isIn(entry.dispositions());
        if (!entry.code().isEmpty()) {
            assertThat(error.code()).as("code of %s", entry).isEqualTo(entry.code());
        }
    }

    @Test
    void heldOutSetIsLargeAndCoversEveryCategory() throws IOException {
        List<LabelledErrors> entries = heldOut();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(60);
        assertThat(entries.stream().flatMap(e -> e.categories().stream()).distinct())
                .containsExactlyInAnyOrder(GenerationErrorCategory.values());
    }
}
