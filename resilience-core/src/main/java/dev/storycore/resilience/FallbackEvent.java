package dev.storycore.resilience;

/** What a {@link FallbackChain} publishes: a level failed, a level delivered, or all levels failed. */
public sealed interface FallbackEvent {

    /**
     * The chain's name.
     *
     * @return the name
     */
    String chainName();

    /**
     * A level failed and the chain moves on (or gives up if it was the last).
     *
     * @param chainName the chain
     * @param level     the level that failed
     * @param index     its position, 0 for the first
     * @param failure   what it threw
     */
    record LevelFailed(String chainName, String level, int index, Throwable failure) implements FallbackEvent {
    }

    /**
     * A level delivered a result.
     *
     * @param chainName the chain
     * @param level     the level that delivered
     * @param index     its position, 0 for the first
     */
    record LevelSucceeded(String chainName, String level, int index) implements FallbackEvent {
    }

    /**
     * Every level failed.
     *
     * @param chainName the chain
     * @param levels    how many levels ran
     */
    record Exhausted(String chainName, int levels) implements FallbackEvent {
    }
}
