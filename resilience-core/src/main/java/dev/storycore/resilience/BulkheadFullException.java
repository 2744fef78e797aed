package dev.storycore.resilience;

/** A bulkhead refused the call: its concurrent calls were all taken for longer than the wait allows. */
public final class BulkheadFullException extends CallNotPermittedException {

    private static final long serialVersionUID = 1L;

    private final int maxConcurrentCalls;

    /**
     * Creates the rejection.
     *
     * @param bulkheadName       the bulkhead's name
     * @param maxConcurrentCalls its limit
     * @param writableStackTrace {@code false} to skip the stack trace
     */
    public BulkheadFullException(String bulkheadName, int maxConcurrentCalls, boolean writableStackTrace) {
        super(bulkheadName, "Bulkhead '" + bulkheadName + "' is full (" + maxConcurrentCalls
                + " concurrent calls)", writableStackTrace);
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /**
     * The bulkhead's limit.
     *
     * @return the maximum number of concurrent calls
     */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }
}
