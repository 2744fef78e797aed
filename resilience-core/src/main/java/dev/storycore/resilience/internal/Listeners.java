package dev.storycore.resilience.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls user listeners so that a throwing listener is logged and never breaks the call it observes.
 * Not exported. Thread-safe.
 */
public final class Listeners {

    private static final System.Logger LOG = System.getLogger("dev.storycore.resilience");

    private Listeners() {
    }

    /**
     * Delivers one event.
     *
     * @param listener the listener
     * @param event    the event
     * @param <E>      the event type
     */
    public static <E> void deliver(Consumer<? super E> listener, E event) {
        try {
            listener.accept(event);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Listener " + listener.getClass().getName() + " threw on " + event, e);
        }
    }

    /**
     * Delivers one event to each listener in order; one listener's failure does not stop the others.
     *
     * @param listeners the listeners
     * @param event     the event
     * @param <E>       the event type
     */
    public static <E> void deliverAll(List<? extends Consumer<? super E>> listeners, E event) {
        for (int i = 0; i < listeners.size(); i++) {
            deliver(listeners.get(i), event);
        }
    }
}
