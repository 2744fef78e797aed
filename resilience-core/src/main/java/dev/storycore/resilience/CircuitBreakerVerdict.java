package dev.storycore.resilience;

import java.lang.System.Logger.Level;

/**
 * How a breaker counts one outcome, decided by its configured predicates. A predicate that throws is
 * logged and the call counts as a failure: a broken predicate must not leave a probe unaccounted for.
 */
enum CircuitBreakerVerdict {
    SUCCESS,
    FAILURE,
    IGNORED;

    private static final System.Logger LOG = System.getLogger("dev.storycore.resilience");

    /** How a thrown failure counts; rejections by inner policies never count. */
    static CircuitBreakerVerdict ofFailure(CircuitBreakerConfig config, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return IGNORED;
        }
        try {
            if (config.ignoreIf().test(failure)) {
                return IGNORED;
            }
            return config.recordIf().test(failure) ? FAILURE : SUCCESS;
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "Circuit breaker '" + config.name()
                    + "': recordIf or ignoreIf threw; counting the call as a failure", broken);
            return FAILURE;
        }
    }

    /** Whether a returned value counts as a failure. */
    static boolean resultFails(CircuitBreakerConfig config, Object result) {
        try {
            return config.recordResult().test(result);
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "Circuit breaker '" + config.name()
                    + "': recordResult threw; counting the call as a failure", broken);
            return true;
        }
    }
}
