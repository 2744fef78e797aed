package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/errors.md documents exactly the codes the classifier can produce, with the same attributes. */
class ErrorCodesDocumentedTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `([A-Z0-9_]+)` \\| (\\w+) \\| (\\w+) \\| (\\w+) \\|", Pattern.MULTILINE);

    private static Map<String, String> documented;

    @BeforeAll
    static void readDocs() throws IOException {
        Path docs = Path.of("../docs/errors.md");
        if (!Files.isRegularFile(docs)) {
            docs = LabelledErrors.findUpwards("docs/errors.md").orElseThrow();
        }
        documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(docs));
        while (m.find()) {
            String previous = documented.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
            assertThat(previous).as("code %s documented twice", m.group(1)).isNull();
        }
    }

    @Test
    void everyCodeTheClassifierEmitsIsDocumentedAndNothingElse() {
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(GenerationErrorClassifier.codes());
    }

    @Test
    void documentedCategoryDispositionAndSeverityMatchTheRules() {
        for (Rule rule : RuleTable.rules()) {
            assertThat(documented.get(rule.code()))
                    .as("docs row for %s", rule.code())
                    .isEqualTo(rule.category() + " " + rule.disposition() + " " + rule.severity());
        }
    }
}
