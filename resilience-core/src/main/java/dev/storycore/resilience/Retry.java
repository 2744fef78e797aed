package dev.storycore.resilience;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs a call again when it fails in a way worth retrying, waiting between attempts with backoff and
 * jitter. Which failures and results are retried, how long to wait and how often is set by
 * {@link RetryConfig}; see {@link RetryBuilder} for the defaults.
 *
 * <pre>{@code
 * Retry retry = Retry.builder("comfyui-submit").maxAttempts(5).abortOn(FileNotFoundException.class).build();
 * PromptId id = retry.execute(() -> client.submit(workflow));
 * }</pre>
 *
 * <p>How a call ends:
 * <ul>
 *   <li>a value not retried: returned;
 *   <li>a failure no retry rule matches, or one an abort rule matches: rethrown unchanged (checked
 *       ones wrapped in {@link CallFailedException});
 *   <li>every attempt failed with a retried failure: {@link RetriesExhaustedException};
 *   <li>every attempt returned a retried value: the last value is returned;
 *   <li>the thread was interrupted during a wait: the interrupt flag stays set and a
 *       {@link CallFailedException} wrapping the {@link InterruptedException} is thrown, with the last
 *       failure suppressed on it.
 * </ul>
 *
 * <p>Thread-safe: one retry serves any number of concurrent calls, each with its own attempt count.
 * A call that succeeds on its first attempt allocates nothing.
 */
public interface Retry {

    /**
     * Starts a builder.
     *
     * @param name the retry's name, not blank
     * @return a builder with the defaults
     */
    static RetryBuilder builder(String name) {
        return new RetryBuilder(Objects.requireNonNull(name, "name"));
    }

    /**
     * A retry with the given settings.
     *
     * @param config the settings
     * @return a new retry
     */
    static Retry of(RetryConfig config) {
        return new RetryImpl(config);
    }

    /**
     * The retry's name.
     *
     * @return the name
     */
    String name();

    /**
     * The settings.
     *
     * @return the config
     */
    RetryConfig config();

    /**
     * Runs the call, retrying as configured, waiting through the {@link Sleeper} on this thread.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the value of the first attempt not retried, or the last value when retrying on results
     * @throws RetriesExhaustedException if every attempt failed with a retried failure
     * @throws CallFailedException       wrapping a checked failure not retried, or an interrupt during a wait
     * @throws RuntimeException          a failure not retried, unchanged (errors likewise)
     */
    <T> T execute(Call<T> call);

    /**
     * Runs the call as {@link #execute} does but returns how it ended instead of throwing: the value as
     * a {@link Outcome.Success}; a {@link CallNotPermittedException} not retried as
     * {@link Outcome.Rejected}; anything {@code execute} would throw as {@link Outcome.Failure}
     * (exhaustion as a {@link RetriesExhaustedException} classified like its last failure, an
     * interrupt as the {@link InterruptedException}, with the interrupt flag set).
     *
     * @param call the call
     * @param <T>  the result type
     * @return the outcome, never {@code null}
     */
    <T> Outcome<T> executeOutcome(Call<T> call);

    /**
     * Runs an asynchronous call, retrying as configured without blocking any thread: waits go through
     * the {@link Scheduler}, and retried attempts start on its thread, so the supplier must return
     * quickly. The result completes as {@link #execute} would return or throw (failures unchanged,
     * {@link RetriesExhaustedException} on exhaustion). Cancelling the returned future cancels the
     * pending wait and the running attempt's future, and no further attempt starts.
     *
     * @param supplier starts one attempt; a supplier that throws counts as a failed attempt
     * @param <T>      the result type
     * @return a cancellable {@link java.util.concurrent.CompletableFuture} of the result
     */
    <T> CompletionStage<T> executeAsync(Supplier<? extends CompletionStage<T>> supplier);

    /**
     * The counters so far.
     *
     * @return a snapshot
     */
    RetryStatistics statistics();
}
