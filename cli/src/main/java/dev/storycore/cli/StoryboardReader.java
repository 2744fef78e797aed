package dev.storycore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.request.Adjustment;
import dev.storycore.generation.request.ValidationResult;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a storyboard file (docs/storyboard.md) and checks every shot before any GPU work: the JSON, the
 * fields, the models, the input files and the numbers. The first problem ends the read with a
 * {@link UsageException} whose one-line message names the file, the shot and the reason, for example
 * {@code storyboard.json: shot 'harbour': image 'img/harbour.png' not found}. Stateless.
 */
final class StoryboardReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> ROOT_FIELDS = Set.of("name", "description", "models", "defaults", "shots");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private StoryboardReader() {
    }

    /**
     * Reads and checks a storyboard.
     *
     * @param file   the storyboard
     * @param models the models known besides those of the storyboard's own {@code models} file
     * @return the storyboard
     * @throws UsageException naming the file, the shot and the reason for the first problem found
     */
    static Storyboard read(Path file, ModelRegistry models) {
        String label = String.valueOf(file.getFileName());
        JsonNode root = parse(file, label);
        if (!root.isObject()) {
            throw new UsageException(label + ": expected a JSON object with \"shots\", found " + root.getNodeType());
        }
        unknownFields(root, ROOT_FIELDS, label + ": ");
        Path folder = file.toAbsolutePath().getParent();
        ModelRegistry registry = withOwnModels(root.get("models"), folder, models, label);
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) {
            throw new UsageException(label + ": \"defaults\" must be an object");
        }
        JsonNode shots = root.get("shots");
        if (shots == null || !shots.isArray() || shots.isEmpty()) {
            throw new UsageException(label + ": \"shots\" must be a non-empty array of shot objects");
        }
        var parser = new ShotParser(registry, folder);
        List<Storyboard.Shot> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < shots.size(); index++) {
            JsonNode shot = shots.get(index);
            String where = label + ": shot #" + (index + 1);
            if (!shot.isObject()) {
                throw new UsageException(where + ": expected an object");
            }
            String id = id(shot, where);
            where = label + ": shot '" + id + "'";
            if (!ids.add(id)) {
                throw new UsageException(where + ": duplicate id");
            }
            unknownFields(shot, ShotParser.FIELDS, where + ": ");
            try {
                ValidationResult validated = parser.validated(id, merged(defaults, shot));
                parsed.add(new Storyboard.Shot(id, validated.request(),
                        validated.adjustments().stream().map(Adjustment::toString).toList()));
            } catch (ShotParser.BadShot e) {
                throw new UsageException(where + ": " + e.getMessage());
            }
        }
        return new Storyboard(name(root, file), file, registry, parsed);
    }

    private static JsonNode parse(Path file, String label) {
        if (Files.isDirectory(file)) {
            throw new UsageException("storyboard " + file + " is a folder; give the storyboard's JSON file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("storyboard " + file + " not found");
        }
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new UsageException(label + ": invalid JSON" + at + ": " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw new UsageException(label + ": not UTF-8 text; save the storyboard as UTF-8 JSON");
        } catch (IOException e) {
            throw new UsageException(label + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static ModelRegistry withOwnModels(JsonNode models, Path folder, ModelRegistry base, String label) {
        if (models == null) {
            return base;
        }
        if (!models.isTextual()) {
            throw new UsageException(label + ": \"models\" must be a file name relative to the storyboard");
        }
        try {
            return base.withModelsFrom(folder.resolve(models.asText()));
        } catch (GenerationException e) {
            throw new UsageException(label + ": " + e.getMessage());
        }
    }

    private static String id(JsonNode shot, String where) {
        JsonNode id = shot.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new UsageException(where + ": missing \"id\"");
        }
        if (!ID.matcher(id.asText()).matches()) {
            throw new UsageException(where + ": id '" + id.asText()
                    + "' must be letters, digits, '.', '_' or '-' (at most 64), as it names files");
        }
        return id.asText();
    }

    private static ObjectNode merged(JsonNode defaults, JsonNode shot) {
        ObjectNode merged = MAPPER.createObjectNode();
        if (defaults.isObject()) {
            merged.setAll((ObjectNode) defaults);
        }
        merged.setAll((ObjectNode) shot);
        return merged;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!known.contains(field)) {
                throw new UsageException(where + "unknown field \"" + field + "\"");
            }
        }
    }

    private static String name(JsonNode root, Path file) {
        JsonNode name = root.get("name");
        if (name != null && name.isTextual() && !name.asText().isBlank()) {
            return name.asText().strip();
        }
        String fileName = String.valueOf(file.getFileName());
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
