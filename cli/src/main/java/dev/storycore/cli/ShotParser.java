package dev.storycore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.GenerationRequestBuilder;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.generation.request.RequestValidator;
import dev.storycore.generation.request.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one shot object (defaults already merged in) into a checked {@link GenerationRequest}: the
 * workflow and model must be known, input files must exist (paths relative to the storyboard), numbers
 * must be numbers, and the {@link RequestValidator} must find no problem. What the shot leaves out
 * comes from the model: its first native size, default frames, steps, guidance and frame rate; the seed
 * defaults to one derived from the shot id, so a run repeats.
 */
final class ShotParser {

    /** Every field a shot (or the defaults) may have. */
    static final Set<String> FIELDS = Set.of("id", "workflow", "model", "prompt", "negativePrompt", "image", "mask",
            "video", "size", "frames", "steps", "cfg", "fps", "seed", "precision", "offload", "vaeTiling",
            "vaeTileSize", "textEncoderOnCpu", "notes");

    private static final Map<String, Workflow> WORKFLOW_ALIASES = Map.of("T2V", Workflow.TEXT_TO_VIDEO,
            "I2V", Workflow.IMAGE_TO_VIDEO, "TI2V", Workflow.TEXT_IMAGE_TO_VIDEO,
            "TRANSPARENT", Workflow.TRANSPARENT_VIDEO);

    /** A problem with one shot; the reader adds the file and shot to the message. */
    static final class BadShot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadShot(String message) {
            super(message, null, false, false);
        }
    }

    private final ModelRegistry models;
    private final Path folder;
    private final RequestValidator validator;

    ShotParser(ModelRegistry models, Path folder) {
        this.models = models;
        this.folder = folder;
        this.validator = new RequestValidator(models);
    }

    ValidationResult validated(String id, JsonNode shot) {
        Workflow workflow = workflow(required(shot, "workflow"));
        String modelId = required(shot, "model");
        ModelSpec model = models.find(modelId).orElseThrow(() -> new BadShot("unknown model '" + modelId
                + "' (see `storycore models`, or add it with the storyboard's \"models\" file)"));
        GenerationRequestBuilder builder = GenerationRequest.builder(model, workflow)
                .prompt(text(shot, "prompt")).negativePrompt(text(shot, "negativePrompt"))
                .inputImage(file(shot, "image")).mask(file(shot, "mask")).sourceVideo(file(shot, "video"))
                .seed(shot.has("seed") ? wholeNumber(shot, "seed") : Integer.toUnsignedLong(id.hashCode()));
        if (shot.has("size")) {
            FrameSize size = size(shot.get("size"));
            builder.size(size.width(), size.height());
        }
        if (shot.has("frames")) {
            builder.frames((int) wholeNumber(shot, "frames"));
        }
        if (shot.has("steps")) {
            builder.steps((int) wholeNumber(shot, "steps"));
        }
        if (shot.has("fps")) {
            builder.fps((int) wholeNumber(shot, "fps"));
        }
        if (shot.has("cfg")) {
            builder.cfg(number(shot, "cfg"));
        }
        optionalSettings(shot, builder);
        ValidationResult validated = validator.validate(builder.build(), model);
        if (!validated.valid()) {
            throw new BadShot(String.join("; ", validated.problems()));
        }
        return validated;
    }

    private void optionalSettings(JsonNode shot, GenerationRequestBuilder builder) {
        if (shot.has("precision")) {
            builder.precision(choice(shot, "precision", Precision.class));
        }
        if (shot.has("offload")) {
            builder.offload(choice(shot, "offload", Offload.class));
        }
        if (shot.has("vaeTiling")) {
            builder.vaeTiling(bool(shot, "vaeTiling"));
        }
        if (shot.has("vaeTileSize")) {
            builder.vaeTileSize((int) wholeNumber(shot, "vaeTileSize"));
        }
        if (shot.has("textEncoderOnCpu")) {
            builder.textEncoderOnCpu(bool(shot, "textEncoderOnCpu"));
        }
    }

    static Workflow workflow(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (WORKFLOW_ALIASES.containsKey(key)) {
            return WORKFLOW_ALIASES.get(key);
        }
        try {
            return Workflow.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new BadShot("unknown workflow '" + text + "' (expected text-to-video, image-to-video, "
                    + "text-image-to-video, upscale, transparent or inpaint)");
        }
    }

    private String file(JsonNode shot, String field) {
        String relative = text(shot, field);
        if (relative.isBlank()) {
            return "";
        }
        Path path = folder.resolve(relative).normalize();
        if (!Files.isRegularFile(path)) {
            throw new BadShot(field + " '" + relative + "' not found (looked for " + path + ")");
        }
        return path.toString();
    }

    private static FrameSize size(JsonNode node) {
        try {
            return FrameSize.parse(node.asText());
        } catch (GenerationException e) {
            throw new BadShot(e.getMessage());
        }
    }

    private static String required(JsonNode shot, String field) {
        String value = text(shot, field);
        if (value.isBlank()) {
            throw new BadShot("missing \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode shot, String field) {
        JsonNode node = shot.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new BadShot("\"" + field + "\" must be a string, was " + node);
        }
        return node.asText();
    }

    private static long wholeNumber(JsonNode shot, String field) {
        JsonNode node = shot.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadShot("\"" + field + "\" must be a whole number, was " + node);
        }
        long value = node.asLong();
        if (value < Integer.MIN_VALUE || (value > Integer.MAX_VALUE && !field.equals("seed"))) {
            throw new BadShot("\"" + field + "\" is out of range: " + node);
        }
        return value;
    }

    private static double number(JsonNode shot, String field) {
        JsonNode node = shot.get(field);
        if (!node.isNumber()) {
            throw new BadShot("\"" + field + "\" must be a number, was " + node);
        }
        return node.asDouble();
    }

    private static boolean bool(JsonNode shot, String field) {
        JsonNode node = shot.get(field);
        if (!node.isBoolean()) {
            throw new BadShot("\"" + field + "\" must be true or false, was " + node);
        }
        return node.asBoolean();
    }

    private static <E extends Enum<E>> E choice(JsonNode shot, String field, Class<E> type) {
        String value = text(shot, field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new BadShot("\"" + field + "\" must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + value + "'");
    }
}
