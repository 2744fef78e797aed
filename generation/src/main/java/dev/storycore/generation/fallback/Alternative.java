package dev.storycore.generation.fallback;

import dev.storycore.generation.model.ModelFamily;
import java.util.Objects;

/**
 * One model suggested instead of a target, with why and at what cost. Immutable; Jackson serializes
 * it as it is.
 *
 * @param modelId    the registry id
 * @param name       its display name
 * @param family     its family
 * @param score      compatibility in [0, 1], {@link ScoreParts#total()} (the formula is there)
 * @param scoreParts the parts of the score
 * @param local      whether a usable copy was found on disk
 * @param localPath  where, or empty
 * @param parity     what it keeps, loses and adds compared with the target
 * @param resources  what it needs within the budget, at its native settings or the nearest that fit
 */
public record Alternative(String modelId, String name, ModelFamily family, double score, ScoreParts scoreParts,
                          boolean local, String localPath, FeatureParity parity, ResourceNeeds resources) {

    /** Checks that nothing is null and the score is in [0, 1]. */
    public Alternative {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        Objects.requireNonNull(scoreParts, "scoreParts");
        Objects.requireNonNull(localPath, "localPath");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(resources, "resources");
    }
}
