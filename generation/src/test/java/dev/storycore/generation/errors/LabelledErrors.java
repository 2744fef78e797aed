package dev.storycore.generation.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.resilience.Disposition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An error text with the categories and dispositions a correct classification may have, read from
 * a JSON-lines file ({@code text}, {@code category[]}, {@code disposition[]}, optional {@code source},
 * {@code model}, {@code code} and {@code disputed}). {@code disputed}, empty when absent, says in one
 * line why a label is wrong for this product or cannot be decided from the text (naming which label,
 * category or disposition, it disputes); the labels stay as given, and a disputed entry is exempt from
 * the field-set checks.
 */
record LabelledErrors(String text, String source, String model, String code,
        Set<GenerationErrorCategory> categories, Set<Disposition> dispositions, String disputed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<LabelledErrors> read(String jsonLines) {
        List<LabelledErrors> cases = new ArrayList<>();
        for (String line : jsonLines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                Set<GenerationErrorCategory> categories = EnumSet.noneOf(GenerationErrorCategory.class);
                node.path("category").forEach(c -> categories.add(GenerationErrorCategory.valueOf(c.asText())));
                Set<Disposition> dispositions = EnumSet.noneOf(Disposition.class);
                node.path("disposition").forEach(d -> dispositions.add(Disposition.valueOf(d.asText())));
                cases.add(new LabelledErrors(node.path("text").asText(), node.path("source").asText(""),
                        node.path("model").asText(""), node.path("code").asText(""), categories, dispositions,
                        node.path("disputed").asText("")));
            } catch (IOException e) {
                throw new UncheckedIOException("bad line: " + line, e);
            }
        }
        return cases;
    }

    /** Walks up from the working directory looking for a relative path, e.g. shared/corpus/errors.jsonl. */
    static Optional<Path> findUpwards(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** Whether a label of this entry is disputed. */
    boolean isDisputed() {
        return !disputed.isBlank();
    }

    @Override
    public String toString() {
        String shown = text.length() > 90 ? text.substring(0, 87) + "..." : text;
        return (source.isEmpty() ? "" : source + ": ") + shown.replaceAll("\\s+", " ");
    }
}
