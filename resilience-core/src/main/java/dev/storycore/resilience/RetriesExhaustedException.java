package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A retry ran out of attempts and every attempt failed with a failure it retries. The last failure is
 * the {@linkplain #getCause() cause}; the earlier ones are {@linkplain #getSuppressed() suppressed},
 * oldest first, each distinct instance once and never the cause again.
 */
public final class RetriesExhaustedException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    /** Earlier failures kept as suppressed, so a retry that runs for ever cannot hold on to them all. */
    static final int MAX_SUPPRESSED = 32;

    private final String retryName;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param retryName       the retry's name
     * @param attempts        how many attempts were made, at least 1
     * @param lastFailure     the failure of the last attempt
     * @param earlierFailures the failures of earlier attempts, oldest first; repeats and the last
     *                        failure itself are skipped, and at most 32 are kept
     * @throws IllegalArgumentException if {@code attempts < 1}
     */
    public RetriesExhaustedException(
            String retryName, int attempts, Throwable lastFailure, List<? extends Throwable> earlierFailures) {
        super("Retry '" + Objects.requireNonNull(retryName, "retryName") + "' gave up after "
                + Checks.atLeastOne(attempts, "attempts") + " attempts: "
                + Objects.requireNonNull(lastFailure, "lastFailure"), lastFailure);
        this.retryName = retryName;
        this.attempts = attempts;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(lastFailure);
        for (Throwable earlier : earlierFailures) {
            if (seen.size() > MAX_SUPPRESSED) {
                break;
            }
            if (seen.add(earlier)) {
                addSuppressed(earlier);
            }
        }
    }

    /**
     * The retry's name.
     *
     * @return the name
     */
    public String retryName() {
        return retryName;
    }

    /**
     * How many attempts were made before giving up.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return attempts;
    }
}
