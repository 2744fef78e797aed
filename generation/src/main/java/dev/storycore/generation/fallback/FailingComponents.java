package dev.storycore.generation.fallback;

import dev.storycore.generation.errors.GenerationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which components of a failed pipeline are to blame: those the folder analysis found not OK, and
 * those the error names (a diffusers component such as {@code text_encoder} or {@code text encoder},
 * or a weight file such as {@code umt5_xxl_fp8_e4m3fn_scaled.safetensors}) even when their headers
 * looked fine, since a header check cannot see corrupt tensor data. Without a folder report, names in
 * the error alone are used. Stateless and thread-safe.
 */
final class FailingComponents {

    private static final List<String> COMPONENTS = List.of("transformer_2", "transformer", "text_encoder_2",
            "text_encoder", "tokenizer_2", "tokenizer", "image_encoder", "image_processor", "vae", "scheduler");
    private static final Pattern WEIGHT_FILE =
            Pattern.compile("[A-Za-z0-9_.\\-]+\\.(?:safetensors|sft|gguf|ckpt|pth|pt|bin)\\b");

    private FailingComponents() {
    }

    static List<LocalComponent> find(LocalModelCatalog own, FailedPipeline failed, GenerationError error,
                                     String modelId) {
        String message = error.message() + " " + error.details().nodeType();
        Map<String, LocalComponent> failing = new LinkedHashMap<>();
        boolean hasFolder = failed.folder().isPresent();
        for (LocalComponent component : own.components()) {
            if (component.status() != ComponentStatus.OK) {
                failing.put(component.name(), component);
            } else if (mentions(message, component)) {
                failing.put(component.name(), withStatus(component, ComponentStatus.CORRUPT));
            }
        }
        if (!hasFolder) {
            fromMessage(message, modelId).forEach(component -> failing.putIfAbsent(component.name(), component));
        }
        return List.copyOf(failing.values());
    }

    private static List<LocalComponent> fromMessage(String message, String modelId) {
        List<LocalComponent> found = new ArrayList<>();
        Matcher files = WEIGHT_FILE.matcher(message);
        while (files.find()) {
            String file = files.group();
            String key = KnownFiles.identify(file).map(KnownFiles.Part::key).orElse("");
            found.add(new LocalComponent(key, file, "", true, ComponentStatus.CORRUPT,
                    KnownFiles.modelOfKey(key).orElse(""), 0));
        }
        if (found.isEmpty() && !modelId.isEmpty()) {
            for (String name : COMPONENTS) {
                if (namesComponent(message, name)) {
                    found.add(new LocalComponent(ComponentKeys.ofDiffusers(modelId, name), name, "", false,
                            ComponentStatus.CORRUPT, modelId, 0));
                }
            }
        }
        return found;
    }

    private static boolean mentions(String message, LocalComponent component) {
        if (component.singleFile()) {
            String file = component.name().substring(component.name().lastIndexOf('/') + 1);
            return message.toLowerCase(Locale.ROOT).contains(file.toLowerCase(Locale.ROOT));
        }
        return namesComponent(message, component.name());
    }

    /** {@code text_encoder} or {@code text encoder}, not as part of {@code text_encoder_2}. */
    static boolean namesComponent(String message, String name) {
        String words = Pattern.quote(name).replace("_", "\\E[ _]\\Q");
        return Pattern.compile("(?i)(?<![a-z0-9_])" + words + "(?![a-z0-9_]|[ _]2)").matcher(message).find();
    }

    private static LocalComponent withStatus(LocalComponent component, ComponentStatus status) {
        return new LocalComponent(component.key(), component.name(), component.path(), component.singleFile(), status,
                component.modelId(), component.bytes());
    }
}
