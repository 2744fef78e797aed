package dev.storycore.resilience;

import java.util.List;
import java.util.Objects;

/**
 * Every level of a fallback chain failed. Carries each level's failure in order; the last one is the
 * cause and the earlier ones are suppressed.
 */
public final class FallbackChainExhaustedException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    /**
     * One level's failure.
     *
     * @param level   the level's name
     * @param failure what it threw
     */
    public record LevelFailure(String level, Throwable failure) {
        /** Checks that nothing is null. */
        public LevelFailure {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(failure, "failure");
        }
    }

    private final String chainName;
    private final transient List<LevelFailure> failures;

    /**
     * Creates the exception.
     *
     * @param chainName the chain's name
     * @param failures  every level's failure, in order; not empty
     */
    public FallbackChainExhaustedException(String chainName, List<LevelFailure> failures) {
        super("Fallback chain '" + chainName + "' exhausted: " + summary(failures),
                failures.get(failures.size() - 1).failure());
        this.chainName = chainName;
        this.failures = List.copyOf(failures);
        for (int i = 0; i < failures.size() - 1; i++) {
            Throwable earlier = failures.get(i).failure();
            if (earlier != getCause()) {
                addSuppressed(earlier);
            }
        }
    }

    private static String summary(List<LevelFailure> failures) {
        var text = new StringBuilder();
        for (LevelFailure failure : failures) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(failure.level()).append(": ").append(failure.failure());
        }
        return text.toString();
    }

    /**
     * The chain's name.
     *
     * @return the name
     */
    public String chainName() {
        return chainName;
    }

    /**
     * Every level's failure, in the order the levels ran.
     *
     * @return an immutable list
     */
    public List<LevelFailure> failures() {
        return failures;
    }
}
