package dev.storycore.generation.fallback;

import java.util.Objects;

/**
 * A healthy component found to stand in for a broken one. Nothing is copied or moved: the loader is
 * pointed at {@code replacement} instead of {@code broken}.
 *
 * @param component   the broken component's name, e.g. {@code text_encoder}
 * @param key         what both are, e.g. {@code umt5-xxl}
 * @param broken      where the broken one is; empty when only the error message named it
 * @param replacement where the healthy one is: a component folder or a weight file
 * @param fromModel   the registry model the replacement's folder holds; empty for loose shared files
 */
public record ComponentReplacement(String component, String key, String broken, String replacement,
                                   String fromModel) {

    /** Checks that nothing is null. */
    public ComponentReplacement {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(broken, "broken");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(fromModel, "fromModel");
    }
}
