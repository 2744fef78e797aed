package dev.storycore.generation.model;

import java.util.Objects;

/**
 * One part of a model: its role, a name a person recognises, and its size.
 *
 * @param role               what it does
 * @param name               e.g. {@code umt5-xxl encoder}
 * @param parametersBillions parameters in billions; 0 when negligible or unknown
 */
public record ModelComponent(ComponentRole role, String name, double parametersBillions) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the name is blank or the size negative or not finite
     */
    public ModelComponent {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!(parametersBillions >= 0) || Double.isInfinite(parametersBillions)) {
            throw new IllegalArgumentException("parametersBillions must be a finite number >= 0, was "
                    + parametersBillions);
        }
    }
}
