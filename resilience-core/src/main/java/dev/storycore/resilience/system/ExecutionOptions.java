package dev.storycore.resilience.system;

import java.util.Objects;

/**
 * How {@link ErrorHandlingSystem#execute} protects one call: which named breaker guards it, whether
 * failures are retried, and the operation name analytics records. The seed design's
 * {@code execute_with_resilience(func, circuit_breaker_name, fallback_chain_name, use_retry)}.
 *
 * @param operation   the name analytics and recovery record for this call
 * @param breakerName the breaker to use (created with the default config on first use); empty for none
 * @param retry       whether to retry with the system's retry policy
 */
public record ExecutionOptions(String operation, String breakerName, boolean retry) {

    /** Checks that nothing is null. */
    public ExecutionOptions {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(breakerName, "breakerName");
    }

    /**
     * Options with a breaker named after the operation and retry on.
     *
     * @param operation the operation
     * @return the options
     */
    public static ExecutionOptions of(String operation) {
        return new ExecutionOptions(operation, operation, true);
    }

    /**
     * These options with another breaker.
     *
     * @param name the breaker's name; empty for none
     * @return new options
     */
    public ExecutionOptions withBreaker(String name) {
        return new ExecutionOptions(operation, name, retry);
    }

    /**
     * These options with retry on or off.
     *
     * @param enabled whether to retry
     * @return new options
     */
    public ExecutionOptions withRetry(boolean enabled) {
        return new ExecutionOptions(operation, breakerName, enabled);
    }
}
