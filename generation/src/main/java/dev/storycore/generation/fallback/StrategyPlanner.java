package dev.storycore.generation.fallback;

/**
 * One kind of fallback: what it would do for a failure, and doing it. Implementations are stateless;
 * {@link #execute} works the plan out again from the same context, so it does what
 * {@link #propose} said.
 */
interface StrategyPlanner {

    FallbackStrategy propose(FallbackContext context);

    FallbackResult execute(FallbackContext context);
}
