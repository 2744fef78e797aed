package dev.storycore.resilience;

import java.util.Objects;

/**
 * What a {@link Bulkhead} reports to its listeners, on the thread that took, was refused or gave back
 * the permit. Events are immutable.
 */
public sealed interface BulkheadEvent {

    /**
     * The name of the bulkhead that published the event.
     *
     * @return the bulkhead's name
     */
    String bulkheadName();

    /**
     * A call got a permit.
     *
     * @param bulkheadName the bulkhead's name
     */
    record Permitted(String bulkheadName) implements BulkheadEvent {
        /** Checks that nothing is null. */
        public Permitted {
            Objects.requireNonNull(bulkheadName, "bulkheadName");
        }
    }

    /**
     * A call was refused: no permit freed up within the wait.
     *
     * @param bulkheadName the bulkhead's name
     */
    record Rejected(String bulkheadName) implements BulkheadEvent {
        /** Checks that nothing is null. */
        public Rejected {
            Objects.requireNonNull(bulkheadName, "bulkheadName");
        }
    }

    /**
     * A call gave its permit back.
     *
     * @param bulkheadName the bulkhead's name
     */
    record Released(String bulkheadName) implements BulkheadEvent {
        /** Checks that nothing is null. */
        public Released {
            Objects.requireNonNull(bulkheadName, "bulkheadName");
        }
    }
}
