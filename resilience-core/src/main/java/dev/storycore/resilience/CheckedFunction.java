package dev.storycore.resilience;

/**
 * A function that may throw any exception; fallback levels are functions of the original input.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface CheckedFunction<I, O> {

    /**
     * Applies the function.
     *
     * @param input the input, never {@code null}
     * @return the output
     * @throws Exception whatever the function throws
     */
    O apply(I input) throws Exception;
}
