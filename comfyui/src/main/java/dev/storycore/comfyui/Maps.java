package dev.storycore.comfyui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies that keep insertion order, which {@link Map#copyOf} does not. Not exported. */
final class Maps {

    private Maps() {
    }

    /** An unmodifiable, order-keeping copy; rejects null keys and values. */
    static <K, V> Map<K, V> ordered(Map<K, V> source) {
        Map<K, V> copy = new LinkedHashMap<>(source.size() * 2);
        source.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable, order-keeping copy of a map of lists, each list copied too. */
    static <K, V> Map<K, List<V>> orderedLists(Map<K, List<V>> source) {
        Map<K, List<V>> copy = new LinkedHashMap<>(source.size() * 2);
        source.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), List.copyOf(value)));
        return Collections.unmodifiableMap(copy);
    }
}
