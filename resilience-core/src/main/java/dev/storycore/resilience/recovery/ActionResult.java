package dev.storycore.resilience.recovery;

import java.util.Objects;

/** What one {@link RecoveryAction} achieved: recovered, failed, or not applicable to this failure. */
public sealed interface ActionResult {

    /**
     * The strategy recovered; the procedure stops here.
     *
     * @param detail what it did, e.g. {@code "switched to backup endpoint"}; may be empty
     */
    record Recovered(String detail) implements ActionResult {
        /** Checks that the detail is not null. */
        public Recovered {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The strategy tried and did not recover; the procedure moves on.
     *
     * @param reason why
     */
    record Failed(String reason) implements ActionResult {
        /** Checks that the reason is not null. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The strategy does not apply and did nothing; the procedure moves on.
     *
     * @param reason why, e.g. {@code "no implementation bound"}
     */
    record NotApplicable(String reason) implements ActionResult {
        /** Checks that the reason is not null. */
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Recovered, without detail.
     *
     * @return the result
     */
    static ActionResult recovered() {
        return new Recovered("");
    }

    /**
     * Recovered.
     *
     * @param detail what the strategy did
     * @return the result
     */
    static ActionResult recovered(String detail) {
        return new Recovered(detail);
    }

    /**
     * Tried and failed.
     *
     * @param reason why
     * @return the result
     */
    static ActionResult failed(String reason) {
        return new Failed(reason);
    }

    /**
     * Did not apply.
     *
     * @param reason why
     * @return the result
     */
    static ActionResult notApplicable(String reason) {
        return new NotApplicable(reason);
    }

    /**
     * Whether this result ends the procedure with success.
     *
     * @return {@code true} for {@link Recovered}
     */
    default boolean isRecovered() {
        return this instanceof Recovered;
    }
}
