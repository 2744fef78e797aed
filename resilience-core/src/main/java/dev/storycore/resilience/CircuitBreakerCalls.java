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
