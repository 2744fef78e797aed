package dev.storycore.resilience;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Limits how long a call may run. The synchronous form runs the call on the calling thread and
 * interrupts that thread at the deadline; the asynchronous form completes the result with a
 * {@link TimeoutExceededException} at the deadline and cancels the call's future. Deadlines are
 * scheduled through the configured {@link Scheduler}.
 *
 * <p>A timeout cannot stop code that ignores interrupts (a busy loop, blocking I/O that is not
 * interruptible): such a call runs to its end and only then fails with
 * {@link TimeoutExceededException}, its value discarded.
 *
 * <p>Thread-safe: one timeout serves any number of concurrent calls.
 */
public interface Timeout {

    /**
     * Starts a builder.
     *
     * @param name the timeout's name, not blank
     * @return a builder with the defaults
     */
    static TimeoutBuilder builder(String name) {
        return new TimeoutBuilder(Objects.requireNonNull(name, "name"));
    }

    /**
     * A timeout with the given settings.
     *
     * @param config the settings
     * @return a new timeout
     */
    static Timeout of(TimeoutConfig config) {
        return new TimeoutImpl(config);
    }

    /**
     * The timeout's name.
     *
     * @return the name
     */
    String name();

    /**
     * The settings.
     *
     * @return the config
     */
    TimeoutConfig config();

    /**
     * Runs the call on this thread, interrupting it if it is still running at the deadline. When the
     * deadline fired, the interrupt flag is cleared before this method returns (so the caller never
     * leaves with an interrupt this timeout caused) and the call's own failure, typically the
     * {@link InterruptedException}, is suppressed on the {@link TimeoutExceededException}.
     * An interrupt from elsewhere that arrives in the same instant may be cleared with it.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the call's value, if it finished before the deadline
     * @throws TimeoutExceededException if the deadline passed before the call finished
     * @throws CallFailedException      wrapping a checked failure of the call
     * @throws RuntimeException         the call's unchecked failure, unchanged (errors likewise)
     */
    <T> T execute(Call<T> call);

    /**
     * Runs the call as {@link #execute} does but returns how it ended: a value as
     * {@link Outcome.Success}, a thrown {@link CallNotPermittedException} as {@link Outcome.Rejected},
     * anything else (a timeout included) as a classified {@link Outcome.Failure}.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the outcome, never {@code null}
     */
    <T> Outcome<T> executeOutcome(Call<T> call);

    /**
     * Starts an asynchronous call and limits how long its stage may take, counted from when the
     * supplier returns it. At the deadline the result completes exceptionally with
     * {@link TimeoutExceededException} and the stage is cancelled with
     * {@code toCompletableFuture().cancel(true)}; cancelling the result also cancels the stage. Failures
     * pass through unchanged.
     *
     * @param supplier starts the call; a supplier that throws fails the result at once
     * @param <T>      the result type
     * @return a cancellable {@link java.util.concurrent.CompletableFuture} of the result
     */
    <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * The counters so far.
     *
     * @return a snapshot
     */
    TimeoutStatistics statistics();
}
