package dev.storycore.resilience;

import java.util.Objects;

/**
 * The result of a call as a value: it succeeded, failed, or was rejected before it ran. Analytics,
 * degradation and events read outcomes, not exceptions, and {@code executeOutcome} methods return one
 * instead of throwing, which is far cheaper on failure paths.
 *
 * @param <T> the result type
 */
public sealed interface Outcome<T> {

    /**
     * The call returned a value.
     *
     * @param value the value, possibly {@code null}
     * @param <T>   the result type
     */
    record Success<T>(T value) implements Outcome<T> {
    }

    /**
     * The call threw.
     *
     * @param error          what it threw
     * @param classification what the classifier made of it
     * @param <T>            the result type
     */
    record Failure<T>(Throwable error, Classification classification) implements Outcome<T> {
        /** Checks that nothing is null. */
        public Failure {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(classification, "classification");
        }
    }

    /**
     * A policy refused to run the call.
     *
     * @param rejection the refusal, naming the policy
     * @param <T>       the result type
     */
    record Rejected<T>(CallNotPermittedException rejection) implements Outcome<T> {
        /** Checks that nothing is null. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} for {@link Success}
     */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * The value, or the failure rethrown (checked exceptions wrapped in {@link CallFailedException}).
     *
     * @return the value of a success
     */
    default T getOrThrow() {
        return switch (this) {
            case Success<T> s -> s.value();
            case Failure<T> f -> throw CallFailedException.rethrow(f.error());
            case Rejected<T> r -> throw r.rejection();
        };
    }
}
