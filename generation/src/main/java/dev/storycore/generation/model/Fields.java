package dev.storycore.generation.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.GenerationException;
import java.util.List;
import java.util.stream.StreamSupport;

/** Typed field access on one JSON object, with messages that name the model and the field. */
record Fields(JsonNode node, String context) {

    String text(String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return orMissing(field, fallback);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(field, "expected non-empty text", value);
        }
        return value.asText().strip();
    }

    double number(String field, Double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return orMissing(field, fallback);
        }
        if (!value.isNumber()) {
            throw bad(field, "expected a number", value);
        }
        return value.asDouble();
    }

    int integer(String field, Integer fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return orMissing(field, fallback);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw bad(field, "expected a whole number", value);
        }
        return value.asInt();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return orMissing(field, fallback);
        }
        return parseEnum(value, type, context + ": " + field);
    }

    List<JsonNode> array(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new GenerationException(context + ": missing field '" + field + "'");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw bad(field, "expected an array", value);
        }
        return StreamSupport.stream(value.spliterator(), false).toList();
    }

    FrameRule frameRule(String field) {
        String text = text(field, FrameRule.FOUR_K_PLUS_ONE.toString());
        try {
            return FrameRule.parse(text);
        } catch (GenerationException e) {
            throw new GenerationException(context + ": " + field + ": " + e.getMessage(), e);
        }
    }

    FrameSize size(JsonNode value) {
        if (!value.isTextual()) {
            throw bad("nativeSizes", "expected text such as \"1280x720\"", value);
        }
        try {
            return FrameSize.parse(value.asText());
        } catch (GenerationException e) {
            throw new GenerationException(context + ": nativeSizes: " + e.getMessage(), e);
        }
    }

    LatentGeometry latent(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return LatentGeometry.STANDARD;
        }
        var inner = nested(field, value);
        return build(field, () -> new LatentGeometry(inner.integer("spatialCompression", 8),
                inner.integer("temporalCompression", 4), inner.integer("patchSize", 2),
                inner.integer("latentChannels", 16)));
    }

    MemoryProfile memory(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return MemoryProfile.CONSERVATIVE;
        }
        var inner = nested(field, value);
        MemoryProfile fallback = MemoryProfile.CONSERVATIVE;
        return build(field, () -> new MemoryProfile(
                inner.number("activationKibPerToken", fallback.activationKibPerToken()),
                inner.number("vaeDecodeBytesPerPixel", fallback.vaeDecodeBytesPerPixel()),
                inner.integer("vaeDecodeChunkFrames", fallback.vaeDecodeChunkFrames())));
    }

    ModelComponent component(JsonNode value) {
        var inner = nested("components", value);
        return build("components", () -> new ModelComponent(
                inner.enumValue("role", ComponentRole.class, null), inner.text("name", null),
                inner.number("parametersBillions", 0.0)));
    }

    MemoryFigure figure(JsonNode value) {
        var inner = nested("memoryFigures", value);
        return build("memoryFigures", () -> new MemoryFigure(inner.integer("width", null),
                inner.integer("height", null), inner.integer("frames", null), inner.number("gigabytes", null),
                inner.enumValue("kind", MemoryFigure.Kind.class, MemoryFigure.Kind.PEAK),
                inner.text("conditions", ""), inner.text("source", "")));
    }

    static <E extends Enum<E>> E parseEnum(JsonNode value, Class<E> type, String where) {
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(ModelJson.upper(value.asText()))) {
                    return constant;
                }
            }
        }
        throw new GenerationException(where + ": unknown value " + ModelJson.describe(value) + " (expected one of "
                + List.of(type.getEnumConstants()) + ")");
    }

    private Fields nested(String field, JsonNode value) {
        if (!value.isObject()) {
            throw bad(field, "expected an object", value);
        }
        return new Fields(value, context + ": " + field);
    }

    private <T> T build(String field, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw new GenerationException(context + ": " + field + ": " + e.getMessage(), e);
        }
    }

    private <T> T orMissing(String field, T fallback) {
        if (fallback == null) {
            throw new GenerationException(context + ": missing field '" + field + "'");
        }
        return fallback;
    }

    private GenerationException bad(String field, String expected, JsonNode value) {
        return new GenerationException(context + ": field '" + field + "': " + expected + ", found "
                + ModelJson.describe(value));
    }
}
