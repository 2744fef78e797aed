package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared corpus of real error messages (shared/corpus/errors.jsonl beside the repository): every
 * entry's category and disposition must be among the accepted ones. Skipped when the corpus is not
 * checked out next to the repository.
 */
class CorpusTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    static List<LabelledErrors> corpus() throws IOException {
        Optional<Path> file = LabelledErrors.findUpwards("shared/corpus/errors.jsonl");
        Assumptions.assumeTrue(file.isPresent(),
                "shared/corpus/errors.jsonl not found above " + Path.of("").toAbsolutePath());
        return LabelledErrors.read(Files.readString(file.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void classifiesCorpusEntryIntoAnAcceptedCategoryAndDisposition(LabelledErrors entry) {
        GenerationError error = CLASSIFIER.classify(entry.text());

        assertThat(error.category()).as("category of %s (code %s)", entry, error.code()).isIn(entry.categories());
        assertThat(error.disposition()).as("disposition of %s (code %s)", entry, error.code())
                .isIn(entry.dispositions());
    }
}
