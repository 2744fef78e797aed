package dev.storycore.cli;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed and checked storyboard (format: docs/storyboard.md): every shot's request with input paths
 * made absolute, ready for the generators.
 *
 * @param name   the storyboard's name: its {@code name} field, else the file name without extension
 * @param file   the storyboard file
 * @param models the registry the shots were checked against: the built-ins plus its {@code models} file
 * @param shots  the shots in file order
 */
record Storyboard(String name, Path file, ModelRegistry models, List<Shot> shots) {

    Storyboard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(models, "models");
        shots = List.copyOf(shots);
    }

    /**
     * One shot.
     *
     * @param id          the shot's id, unique in the storyboard, safe as a file name
     * @param request     what to generate, validated against its model
     * @param adjustments storyboard values validation changed to what the model accepts, e.g.
     *                    {@code frames 100000 -> 81: over Wan2.1 T2V-1.3B's maximum of 81}
     */
    record Shot(String id, GenerationRequest request, List<String> adjustments) {
        Shot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(request, "request");
            adjustments = List.copyOf(adjustments);
        }

        /** A shot whose request needed no adjustment. */
        Shot(String id, GenerationRequest request) {
            this(id, request, List.of());
        }
    }
}
