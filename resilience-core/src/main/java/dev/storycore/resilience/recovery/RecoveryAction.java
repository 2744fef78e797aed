package dev.storycore.resilience.recovery;

/**
 * The work behind a {@link RecoveryStrategy}: clear a cache, reload a model, switch endpoints.
 *
 * <p>Implementations must be thread-safe if the procedure is used from several threads. Throwing is
 * allowed: the procedure records any exception as {@link ActionResult.Failed} and moves on.
 */
@FunctionalInterface
public interface RecoveryAction {

    /** The action of a slot that nothing was bound to: always not applicable. */
    RecoveryAction UNBOUND = context -> ActionResult.notApplicable("no implementation bound");

    /**
     * Tries to recover from the failure in the context.
     *
     * @param context the failure and what was tried before
     * @return the result, never {@code null}
     * @throws Exception if the attempt failed; counts as {@link ActionResult.Failed}
     */
    ActionResult attempt(RecoveryContext context) throws Exception;
}
