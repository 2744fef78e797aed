package dev.storycore.generation.request;

import java.util.ArrayList;
import java.util.List;

/** The validator's scratch state for one request: the builder, the adjustments and the problems. */
final class ValidationWork {

    private final GenerationRequestBuilder builder;
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    ValidationWork(GenerationRequest request) {
        this.builder = request.toBuilder();
    }

    GenerationRequestBuilder builder() {
        return builder;
    }

    GenerationRequest current() {
        return builder.build();
    }

    void problem(String message) {
        problems.add(message);
    }

    void adjust(String field, Object from, Object to, String reason) {
        adjustments.add(new Adjustment(field, String.valueOf(from), String.valueOf(to), reason));
    }

    /**
     * Negative is a problem; zero becomes {@code zeroDefault}; the rest is clamped into [min, max].
     * Returns the value to use.
     */
    int clampInt(String field, int value, int min, int max, int zeroDefault) {
        if (value < 0) {
            problem(field + " must not be negative, was " + value);
            return value;
        }
        if (value == 0) {
            adjust(field, value, zeroDefault, "zero is not a usable " + field);
            return zeroDefault;
        }
        int clamped = Math.max(min, Math.min(max, value));
        if (clamped != value) {
            adjust(field, value, clamped, "outside [" + min + ", " + max + "]");
        }
        return clamped;
    }

    ValidationResult result() {
        return new ValidationResult(builder.build(), adjustments, problems);
    }
}
