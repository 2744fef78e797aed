package dev.storycore.resilience;

/**
 * One policy of a {@link ResiliencePipeline} together with everything inside it, built once with the
 * pipeline. Running a call through the layers passes the caller's {@link Call} down unchanged, so the
 * success path of retry and circuit breaker creates no object per call: nesting the policies with
 * lambdas ({@code retry.execute(() -> breaker.execute(call))}) makes a capturing lambda per layer and
 * call, which only C2's escape analysis removes: 24–48 B per call before C2 compiled the path, and
 * 8–24 B at two threads in some benchmark runs (docs/benchmarks.md). Bulkhead and timeout still nest
 * with a lambda.
 *
 * <p>Each layer behaves exactly as the policy's own {@code execute} given the inner layers as a call:
 * a checked failure of the call is wrapped in {@link CallFailedException} before any policy but the
 * timeout sees it, as it always was. Immutable and thread-safe.
 */
sealed interface ResiliencePipelineLayer {

    /** The call itself, with no policy: checked failures wrapped, everything else unchanged. */
    ResiliencePipelineLayer DIRECT = new Direct();

    /**
     * Runs the call through this layer and the layers inside it.
     *
     * @param call the caller's call
     * @param <T>  the result type
     * @return the call's result
     */
    <T> T run(Call<T> call);

    /**
     * The layers of a pipeline, outermost returned: fallback aside, retry → breaker → bulkhead →
     * timeout → call, or breaker → retry → … when a retry sequence counts as one breaker outcome.
     * Absent policies ({@code null}) add no layer.
     */
    static ResiliencePipelineLayer of(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead, Timeout timeout,
            boolean retryAsOneBreakerOutcome) {
        ResiliencePipelineLayer layer = timeout == null ? DIRECT : new TimeoutLayer(timeout);
        if (bulkhead != null) {
            layer = new BulkheadLayer(bulkhead, layer);
        }
        if (retryAsOneBreakerOutcome) {
            return withBreaker(breaker, withRetry(retry, layer));
        }
        return withRetry(retry, withBreaker(breaker, layer));
    }

    private static ResiliencePipelineLayer withRetry(Retry retry, ResiliencePipelineLayer inner) {
        return retry == null ? inner : new RetryLayer(retry, inner);
    }

    private static ResiliencePipelineLayer withBreaker(CircuitBreaker breaker, ResiliencePipelineLayer inner) {
        return breaker == null ? inner : new BreakerLayer(breaker, inner);
    }

    /** See {@link #DIRECT}. */
    record Direct() implements ResiliencePipelineLayer {
        @Override
        public <T> T run(Call<T> call) {
            try {
                return call.call();
            } catch (Exception e) {
                throw CallFailedException.rethrow(e);
            }
        }
    }

    /** The timeout, innermost: it gets the caller's call as it is. */
    record TimeoutLayer(Timeout timeout) implements ResiliencePipelineLayer {
        @Override
        public <T> T run(Call<T> call) {
            return timeout.execute(call);
        }
    }

    /** The bulkhead around the timeout or the call. */
    record BulkheadLayer(Bulkhead bulkhead, ResiliencePipelineLayer inner) implements ResiliencePipelineLayer {
        @Override
        public <T> T run(Call<T> call) {
            return bulkhead.execute(() -> inner.run(call));
        }
    }

    /** The circuit breaker; its own implementation runs the inner layers without a lambda. */
    record BreakerLayer(CircuitBreaker breaker, ResiliencePipelineLayer inner) implements ResiliencePipelineLayer {
        @Override
        public <T> T run(Call<T> call) {
            if (breaker instanceof CircuitBreakerStateMachine machine) {
                return CircuitBreakerCalls.execute(machine, inner, call);
            }
            return breaker.execute(() -> inner.run(call));
        }
    }

    /** The retry; its own implementation runs the inner layers without a lambda until it must retry. */
    record RetryLayer(Retry retry, ResiliencePipelineLayer inner) implements ResiliencePipelineLayer {
        @Override
        public <T> T run(Call<T> call) {
            if (retry instanceof RetryImpl impl) {
                return impl.execute(inner, call);
            }
            return retry.execute(() -> inner.run(call));
        }
    }
}
