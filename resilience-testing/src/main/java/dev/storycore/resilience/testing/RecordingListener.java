package dev.storycore.resilience.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects the events a policy publishes, for assertions. Pass it where a listener is expected,
 * e.g. {@code .listener(recorder)} or {@code recorder::accept}.
 *
 * <p>Thread-safe.
 *
 * @param <E> the event type
 */
public final class RecordingListener<E> implements Consumer<E> {

    private final List<E> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(E event) {
        events.add(event);
    }

    /**
     * Every event so far, in order.
     *
     * @return an immutable copy
     */
    public List<E> events() {
        return List.copyOf(events);
    }

    /**
     * The events of one type, in order.
     *
     * @param type the event class
     * @param <T>  the event type
     * @return an immutable list
     */
    public <T extends E> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets every event recorded so far. */
    public void clear() {
        events.clear();
    }
}
