package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alternatives to a target model for a VRAM budget, best first, with what the target itself
 * would need and what was found on disk. Immutable.
 *
 * <p>JSON ({@link #toJson()}, or any Jackson mapper): {@code targetId}, {@code targetName},
 * {@code vramGb}, {@code target} (resource needs), {@code alternatives} (each {@code modelId},
 * {@code name}, {@code family}, {@code score}, {@code scoreParts}, {@code local}, {@code localPath},
 * {@code parity}, {@code resources}), {@code localModels} and {@code problems}.
 *
 * @param targetId     the target model's id
 * @param targetName   its display name
 * @param vramGb       the budget in GB (GiB)
 * @param target       what the target itself needs within the budget
 * @param alternatives the alternatives, highest score first
 * @param localModels  the models found on disk, recognised or not
 * @param problems     folders that could not be read
 */
public record Suggestions(String targetId, String targetName, double vramGb, ResourceNeeds target,
                          List<Alternative> alternatives, List<LocalModel> localModels, List<String> problems) {

    /** Checks that nothing is null and copies the lists. */
    public Suggestions {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(target, "target");
        alternatives = List.copyOf(alternatives);
        localModels = List.copyOf(localModels);
        problems = List.copyOf(problems);
    }

    /**
     * The highest-scoring alternative that fits the budget.
     *
     * @return it, or empty when none fits
     */
    public Optional<Alternative> best() {
        return alternatives.stream().filter(alternative -> alternative.resources().fits()).findFirst();
    }

    /**
     * An alternative by id.
     *
     * @param modelId the registry id
     * @return it, or empty when it was not suggested
     */
    public Optional<Alternative> alternative(String modelId) {
        return alternatives.stream().filter(alternative -> alternative.modelId().equals(modelId)).findFirst();
    }

    /**
     * These suggestions as indented JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.toPrettyJson(this);
    }
}
