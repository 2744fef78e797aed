package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The immutable settings of a {@link Retry}; made by {@link RetryBuilder}, see there for the meaning
 * and default of each.
 *
 * <p>A failure is retried when no abort rule ({@code abortOn}, {@code abortIf}) matches it and a retry
 * rule ({@code retryOn}, {@code retryIf}) does; rules look at the failure with
 * {@link java.util.concurrent.CompletionException}, {@link java.util.concurrent.ExecutionException},
 * {@link CallFailedException} and {@link RetriesExhaustedException} wrappers peeled off. A value is
 * retried when a {@code retryOnResult} predicate matches it.
 *
 * @param name          the retry's name, used in events, statistics and exceptions
 * @param maxAttempts   attempts per call including the first, at least 1
 * @param backoff       the base delays and their cap
 * @param jitter        how the delays are spread
 * @param retryOn       failure types to retry (instances of these or their subtypes)
 * @param retryIf       further failures to retry
 * @param abortOn       failure types that stop at once
 * @param abortIf       further failures that stop at once
 * @param retryOnResult values to retry
 * @param delayFrom     a wait asked for by an attempt's outcome, overriding the backoff
 * @param classifier    classifies failures for outcomes and events
 * @param random        randomness for jitter
 * @param sleeper       waits of synchronous calls
 * @param scheduler     waits of asynchronous calls
 * @param listeners     event listeners, called in order
 */
public record RetryConfig(
        String name,
        int maxAttempts,
        Backoff backoff,
        Jitter jitter,
        List<Class<? extends Throwable>> retryOn,
        List<Predicate<? super Throwable>> retryIf,
        List<Class<? extends Throwable>> abortOn,
        List<Predicate<? super Throwable>> abortIf,
        List<Predicate<Object>> retryOnResult,
        Function<Outcome<?>, Optional<Duration>> delayFrom,
        ErrorClassifier classifier,
        RandomSource random,
        Sleeper sleeper,
        Scheduler scheduler,
        List<Consumer<? super RetryEvent>> listeners) {

    /** The default attempts per call: three. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /**
     * The failure types retried when no retry rule is given: I/O failures (connection refused or reset,
     * unknown host …), also when wrapped in {@link UncheckedIOException} by code that cannot throw
     * checked exceptions, and timeouts.
     */
    public static final List<Class<? extends Throwable>> DEFAULT_RETRY_ON = List.of(IOException.class,
            UncheckedIOException.class, TimeoutException.class, TimeoutExceededException.class);

    /**
     * Checks the settings and copies the lists.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code maxAttempts < 1}
     * @throws NullPointerException     if anything is null
     */
    public RetryConfig {
        Checks.name(name, "name");
        Checks.atLeastOne(maxAttempts, "maxAttempts");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(jitter, "jitter");
        retryOn = List.copyOf(retryOn);
        retryIf = List.copyOf(retryIf);
        abortOn = List.copyOf(abortOn);
        abortIf = List.copyOf(abortIf);
        retryOnResult = List.copyOf(retryOnResult);
        Objects.requireNonNull(delayFrom, "delayFrom");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(scheduler, "scheduler");
        listeners = List.copyOf(listeners);
    }

    /**
     * A builder holding these settings; its retry rules count as already given, so
     * {@link RetryBuilder#retryOn} adds to them.
     *
     * @return a new builder
     */
    public RetryBuilder toBuilder() {
        return new RetryBuilder(this);
    }
}
