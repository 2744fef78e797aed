package dev.storycore.resilience.recovery;

import dev.storycore.resilience.internal.Checks;
import java.util.Objects;

/**
 * A named, pluggable step of a {@link RecoveryProcedure}.
 *
 * @param name   the name, unique within its category, e.g. {@code "clear_cache"}
 * @param action what it does; {@link RecoveryAction#UNBOUND} for a slot nothing was bound to
 */
public record RecoveryStrategy(String name, RecoveryAction action) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public RecoveryStrategy {
        Checks.name(name, "name");
        Objects.requireNonNull(action, "action");
    }

    /**
     * A slot with no implementation yet; it reports not applicable until one is bound.
     *
     * @param name the name
     * @return the slot
     */
    public static RecoveryStrategy unbound(String name) {
        return new RecoveryStrategy(name, RecoveryAction.UNBOUND);
    }

    /**
     * Whether an implementation is bound.
     *
     * @return {@code false} for an unbound slot
     */
    public boolean bound() {
        return action != RecoveryAction.UNBOUND;
    }
}
