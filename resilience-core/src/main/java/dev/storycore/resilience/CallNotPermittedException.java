package dev.storycore.resilience;

import java.util.Objects;

/**
 * A policy refused to run the call at all: an open circuit or a full bulkhead. The call was never
 * started, so it cost nothing but this exception.
 */
public abstract sealed class CallNotPermittedException extends ResilienceException
        permits CircuitOpenException, BulkheadFullException {

    private static final long serialVersionUID = 1L;

    private final String policyName;

    /**
     * Creates a rejection.
     *
     * @param policyName         the name of the policy that refused
     * @param message            why
     * @param writableStackTrace {@code false} to skip the stack trace
     */
    protected CallNotPermittedException(String policyName, String message, boolean writableStackTrace) {
        super(message, null, writableStackTrace);
        this.policyName = Objects.requireNonNull(policyName, "policyName");
    }

    /**
     * The policy that refused.
     *
     * @return its name
     */
    public String policyName() {
        return policyName;
    }
}
