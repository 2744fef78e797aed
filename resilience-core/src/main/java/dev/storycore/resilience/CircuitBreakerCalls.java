package dev.storycore.resilience;

import java.util.Objects;

/**
 * Runs a call through a breaker's permit protocol: ask, time the call when the mode needs time, report
 * exactly one outcome. Stateless.
 */
final class CircuitBreakerCalls {

    private CircuitBreakerCalls() {
    }

    static <T> T execute(CircuitBreakerStateMachine breaker, Call<T> call) {
        Objects.requireNonNull(call, "call");
        long permit = breaker.acquirePermit();
        if (permit == CircuitBreaker.NO_PERMIT) {
            throw breaker.rejection();
        }
        long start = breaker.startTime();
        T result;
        try {
            result = call.call();
        } catch (Throwable failure) {
            breaker.threw(permit, start, failure);
            throw CallFailedException.rethrow(failure);
        }
        breaker.returned(permit, start, result);
        return result;
    }

    /**
     * As {@link #execute(CircuitBreakerStateMachine, Call)} with the inner layers of a pipeline as the
     * call, without making a call object for them. Kept apart from the plain form, rather than the plain
     * form delegating with a direct layer, so that neither call site's profile is shared.
     */
    static <T> T execute(CircuitBreakerStateMachine breaker, ResiliencePipelineLayer inner, Call<T> call) {
        long permit = breaker.acquirePermit();
        if (permit == CircuitBreaker.NO_PERMIT) {
            throw breaker.rejection();
        }
        long start = breaker.startTime();
        T result;
        try {
            result = inner.run(call);
        } catch (Throwable failure) {
            breaker.threw(permit, start, failure);
            throw CallFailedException.rethrow(failure);
        }
        breaker.returned(permit, start, result);
        return result;
    }

    static <T> Outcome<T> executeOutcome(CircuitBreakerStateMachine breaker, Call<T> call) {
        Objects.requireNonNull(call, "call");
        long permit = breaker.acquirePermit();
        if (permit == CircuitBreaker.NO_PERMIT) {
            return new Outcome.Rejected<>(breaker.rejection());
        }
        long start = breaker.startTime();
        T result;
        try {
            result = call.call();
        } catch (Throwable failure) {
            breaker.threw(permit, start, failure);
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome.Failure<>(failure, breaker.config().classifier().classify(failure));
        }
        breaker.returned(permit, start, result);
        return new Outcome.Success<>(result);
    }
}
