package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The field sets (src/test/resources/errors/field-set.jsonl, and field-set-2.jsonl and
 * field-set-3.jsonl collected later from other threads under the same rules): real messages from
 * public issue threads, labelled from the threads apart from the classifier. Every entry whose labels
 * are not disputed must get an accepted category and an accepted disposition; a disputed entry is
 * exempt from both, and disputes stay under a tenth of each set.
 */
class FieldSetTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    private static final List<String> FILES = List.of("field-set.jsonl", "field-set-2.jsonl",
            "field-set-3.jsonl");

    static List<LabelledErrors> read(String file) throws IOException {
        try (InputStream in = FieldSetTest.class.getResourceAsStream("/errors/" + file)) {
            Objects.requireNonNull(in, file + " missing from test resources");
            return LabelledErrors.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Stream<Arguments> entries() throws IOException {
        Stream.Builder<Arguments> entries = Stream.builder();
        for (String file : FILES) {
            read(file).forEach(entry -> entries.add(Arguments.of(file, entry)));
        }
        return entries.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("entries")
    void classifiesFieldEntryAsLabelled(String file, LabelledErrors entry) {
        assumeFalse(entry.isDisputed(), () -> "disputed: " + entry.disputed());
        GenerationError error = CLASSIFIER.classify(entry.text(), entry.model());

        assertThat(error.disposition()).as("disposition of %s in %s (code %s)", entry, file, error.code())
                .isIn(entry.dispositions());
        assertThat(error.category()).as("category of %s in %s (code %s)", entry, file, error.code())
                .isIn(entry.categories());
    }

    @ParameterizedTest(name = "{0} has at least {1} entries")
    @CsvSource({"field-set.jsonl, 140", "field-set-2.jsonl, 110", "field-set-3.jsonl, 85"})
    void fieldSetStaysLargeAndDisputesStayFew(String file, int minimumSize) throws IOException {
        List<LabelledErrors> entries = read(file);
        long disputed = entries.stream().filter(LabelledErrors::isDisputed).count();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(minimumSize);
        assertThat(disputed * 10).as("%d disputed of %d", disputed, entries.size()).isLessThan(entries.size());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.categories()).as("categories of %s", e).isNotEmpty();
            assertThat(e.dispositions()).as("dispositions of %s", e).isNotEmpty();
        });
    }
}
