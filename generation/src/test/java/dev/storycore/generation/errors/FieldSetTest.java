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
 * The field set (src/test/resources/errors/field-set.jsonl): real messages from public issue threads,
 * labelled from the threads apart from the classifier. Every entry must get an accepted disposition;
 * every entry whose label is not disputed must get an accepted category too.
 */
class FieldSetTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    static List<LabelledErrors> fieldSet() throws IOException {
        try (InputStream in = FieldSetTest.class.getResourceAsStream("/errors/field-set.jsonl")) {
            Objects.requireNonNull(in, "field-set.jsonl missing from test resources");
            return LabelledErrors.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldSet")
    void classifiesFieldEntryAsLabelled(LabelledErrors entry) {
        GenerationError error = CLASSIFIER.classify(entry.text(), entry.model());

        assertThat(error.disposition()).as("disposition of %s (code %s)", entry, error.code())
                .isIn(entry.dispositions());
        if (!entry.isDisputed()) {
            assertThat(error.category()).as("category of %s (code %s)", entry, error.code())
                    .isIn(entry.categories());
        }
    }

    @Test
    void fieldSetStaysLargeAndDisputesStayFew() throws IOException {
        List<LabelledErrors> entries = fieldSet();
        long disputed = entries.stream().filter(LabelledErrors::isDisputed).count();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(140);
        assertThat(disputed * 10).as("%d disputed of %d", disputed, entries.size()).isLessThan(entries.size());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.categories()).as("categories of %s", e).isNotEmpty();
            assertThat(e.dispositions()).as("dispositions of %s", e).isNotEmpty();
        });
    }
}
