package dev.storycore.resilience;

/**
 * A unit of work that returns a value and may throw any exception. Policies execute calls.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Call<T> {

    /**
     * Performs the work.
     *
     * @return the result, which may be {@code null} only if the caller's type allows it
     * @throws Exception whatever the work throws; policies classify it
     */
    T call() throws Exception;
}
