package dev.storycore.resilience.recovery;

import dev.storycore.resilience.Classification;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RecoveryAction} is given.
 *
 * @param classification   what the failure was
 * @param failure          the failure itself
 * @param strategy         the name of the strategy being run
 * @param attempt          its position in this run, 1 for the category's first strategy
 * @param previousAttempts what the strategies before it in this run did
 * @param attributes       opaque values the caller passed to {@code recover}, e.g. the request
 */
public record RecoveryContext(
        Classification classification,
        Throwable failure,
        String strategy,
        int attempt,
        List<StrategyAttempt> previousAttempts,
        Map<String, Object> attributes) {

    /** Checks that nothing is null and copies the collections. */
    public RecoveryContext {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(strategy, "strategy");
        previousAttempts = List.copyOf(previousAttempts);
        attributes = Map.copyOf(attributes);
    }

    /**
     * One attribute, if present and of the given type.
     *
     * @param key  the key
     * @param type the expected type
     * @param <T>  the expected type
     * @return the value, or empty if absent or of another type
     */
    public <T> Optional<T> attribute(String key, Class<T> type) {
        Object value = attributes.get(Objects.requireNonNull(key, "key"));
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
