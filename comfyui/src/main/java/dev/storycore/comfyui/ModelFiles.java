package dev.storycore.comfyui;

import dev.storycore.generation.request.Precision;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ComfyUI file names one model uses, by placeholder and precision: which diffusion model file
 * (e.g. {@code wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors} for FP8), which
 * {@code weight_dtype} (e.g. {@code fp8_e4m3fn} when FP8 is asked of a 16-bit file), which text
 * encoder, VAE, CLIP vision and LoRA files.
 *
 * @param modelId the model, an id of the {@code ModelRegistry}
 * @param values  placeholder name to a value per precision; every precision has a value
 */
public record ModelFiles(String modelId, Map<String, Map<Precision, String>> values) {

    /**
     * Checks that every placeholder has a value for every precision, and copies the maps.
     *
     * @throws IllegalArgumentException naming the placeholder and precision that have no value
     */
    public ModelFiles {
        Objects.requireNonNull(modelId, "modelId");
        Map<String, Map<Precision, String>> copy = new LinkedHashMap<>();
        values.forEach((key, byPrecision) -> {
            EnumMap<Precision, String> entry = new EnumMap<>(Precision.class);
            entry.putAll(byPrecision);
            for (Precision precision : Precision.values()) {
                if (entry.get(precision) == null || entry.get(precision).isBlank()) {
                    throw new IllegalArgumentException("model " + modelId + ": " + key + " has no value for " + precision);
                }
            }
            copy.put(key, Collections.unmodifiableMap(entry));
        });
        values = Maps.ordered(copy);
    }

    /**
     * A value for one placeholder.
     *
     * @param placeholder e.g. {@code diffusion_model}
     * @param precision   the request's precision
     * @return the value, or empty when this model has none
     */
    public Optional<String> value(String placeholder, Precision precision) {
        Map<Precision, String> byPrecision = values.get(placeholder);
        return byPrecision == null ? Optional.empty() : Optional.of(byPrecision.get(precision));
    }

    /**
     * Every value for one precision.
     *
     * @param precision the request's precision
     * @return placeholder name to value, in order
     */
    public Map<String, String> valuesFor(Precision precision) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, byPrecision) -> out.put(key, byPrecision.get(precision)));
        return Maps.ordered(out);
    }
}
