package dev.storycore.resilience;

import java.util.Objects;

/**
 * Limits how many calls run at once, so one slow dependency (a GPU queue, a model server) cannot
 * take every thread. A call gets a permit or, if none frees up within the configured wait, is
 * refused with a {@link BulkheadFullException} without running.
 *
 * <pre>{@code
 * Bulkhead gpu = Bulkhead.builder("gpu-0").maxConcurrentCalls(2).maxWait(Duration.ofSeconds(5)).build();
 * Video clip = gpu.execute(() -> backend.render(shot));
 * }</pre>
 *
 * <p>Thread-safe: permits come from a {@link java.util.concurrent.Semaphore}, fair when waiting.
 */
public interface Bulkhead {

    /**
     * Starts a builder.
     *
     * @param name the bulkhead's name, not blank
     * @return a builder with the defaults
     */
    static BulkheadBuilder builder(String name) {
        return new BulkheadBuilder(Objects.requireNonNull(name, "name"));
    }

    /**
     * A bulkhead with the given settings.
     *
     * @param config the settings
     * @return a new bulkhead
     */
    static Bulkhead of(BulkheadConfig config) {
        return new BulkheadImpl(config);
    }

    /**
     * The bulkhead's name.
     *
     * @return the name
     */
    String name();

    /**
     * The settings.
     *
     * @return the config
     */
    BulkheadConfig config();

    /**
     * Runs the call holding a permit, released however the call ends.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the call's value
     * @throws BulkheadFullException if no permit freed up within the wait
     * @throws CallFailedException   wrapping a checked failure of the call, or the
     *                               {@link InterruptedException} if the thread was interrupted while
     *                               waiting (its interrupt flag is then set again)
     * @throws RuntimeException      the call's unchecked failure, unchanged (errors likewise)
     */
    <T> T execute(Call<T> call);

    /**
     * Runs the call as {@link #execute} does but returns how it ended: a value as
     * {@link Outcome.Success}, a refusal (this bulkhead's or one the call threw) as
     * {@link Outcome.Rejected}, any other failure as a classified {@link Outcome.Failure}.
     *
     * @param call the call
     * @param <T>  the result type
     * @return the outcome, never {@code null}
     */
    <T> Outcome<T> executeOutcome(Call<T> call);

    /**
     * Takes a permit for work run by hand, waiting up to the configured wait. Every {@code true} must
     * be followed by exactly one {@link #release()}. Interrupted while waiting, it returns
     * {@code false} with the interrupt flag set.
     *
     * @return {@code true} if a permit was taken, {@code false} if the bulkhead stayed full
     */
    boolean tryAcquire();

    /**
     * Gives back a permit taken by {@link #tryAcquire()}.
     *
     * @throws IllegalStateException if no permit is taken at all (a best-effort check: it catches a
     *                               release without acquire when the bulkhead is idle)
     */
    void release();

    /**
     * The counters and free permits now.
     *
     * @return a snapshot
     */
    BulkheadStatistics statistics();
}
