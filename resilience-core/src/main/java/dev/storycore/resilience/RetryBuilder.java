package dev.storycore.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds a {@link Retry}. Defaults: 3 attempts, exponential backoff 1 s × 2 capped at 60 s,
 * {@linkplain Jitter#PROPORTIONAL ±25 % jitter}, retry on {@link java.io.IOException} (connection
 * refused, reset …), {@link java.io.UncheckedIOException}, {@link java.util.concurrent.TimeoutException}
 * and {@link TimeoutExceededException},
 * no abort rules, no result rules, no {@code Retry-After}, the default classifier, and the system
 * random source, sleeper and scheduler.
 *
 * <p>Settings are checked by {@link #build()}, which throws {@link IllegalArgumentException} naming the
 * bad parameter. Not thread-safe; {@link #build()} copies everything, so the builder may be reused.
 */
public final class RetryBuilder {

    private final String name;
    private int maxAttempts = RetryConfig.DEFAULT_MAX_ATTEMPTS;
    private Backoff backoff = Backoff.exponential();
    private Jitter jitter = Jitter.PROPORTIONAL;
    private boolean retryRulesGiven;
    private final List<Class<? extends Throwable>> retryOn = new ArrayList<>(RetryConfig.DEFAULT_RETRY_ON);
    private final List<Predicate<? super Throwable>> retryIf = new ArrayList<>();
    private final List<Class<? extends Throwable>> abortOn = new ArrayList<>();
    private final List<Predicate<? super Throwable>> abortIf = new ArrayList<>();
    private final List<Predicate<Object>> retryOnResult = new ArrayList<>();
    private Function<Outcome<?>, Optional<Duration>> delayFrom = outcome -> Optional.empty();
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private RandomSource random = RandomSource.system();
    private Sleeper sleeper = Sleeper.system();
    private Scheduler scheduler = Scheduler.system();
    private final List<Consumer<? super RetryEvent>> listeners = new ArrayList<>();

    RetryBuilder(String name) {
        this.name = name;
    }

    RetryBuilder(RetryConfig config) {
        this(config.name());
        maxAttempts = config.maxAttempts();
        backoff = config.backoff();
        jitter = config.jitter();
        retryRulesGiven = true;
        retryOn.clear();
        retryOn.addAll(config.retryOn());
        retryIf.addAll(config.retryIf());
        abortOn.addAll(config.abortOn());
        abortIf.addAll(config.abortIf());
        retryOnResult.addAll(config.retryOnResult());
        delayFrom = config.delayFrom();
        classifier = config.classifier();
        random = config.random();
        sleeper = config.sleeper();
        scheduler = config.scheduler();
        listeners.addAll(config.listeners());
    }

    /**
     * Attempts per call, the first included; 1 disables retrying. Default 3.
     *
     * @param maxAttempts at least 1, checked by {@link #build()}
     * @return this builder
     */
    public RetryBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * The base delays and their cap. Default {@link Backoff#exponential()}: 1 s × 2, capped at 60 s.
     *
     * @param backoff the backoff
     * @return this builder
     */
    public RetryBuilder backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        return this;
    }

    /**
     * How delays are spread. Default {@link Jitter#PROPORTIONAL}, ±25 %.
     *
     * @param jitter the jitter
     * @return this builder
     */
    public RetryBuilder jitter(Jitter jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return this;
    }

    /**
     * Retries failures of these types or their subtypes. The first retry rule given to a fresh builder
     * ({@code retryOn} or {@link #retryIf}) replaces the default types; later rules add to it, and a
     * failure is retried if any rule matches.
     *
     * @param types failure types
     * @return this builder
     */
    @SafeVarargs
    public final RetryBuilder retryOn(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> added = copyOf(types);
        replaceDefaultRetryRules();
        retryOn.addAll(added);
        return this;
    }

    /**
     * Retries failures the predicate accepts; see {@link #retryOn} for how rules combine.
     *
     * @param predicate tests the failure, wrappers peeled off; must not throw
     * @return this builder
     */
    public RetryBuilder retryIf(Predicate<? super Throwable> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        replaceDefaultRetryRules();
        retryIf.add(predicate);
        return this;
    }

    /**
     * Stops at once on failures of these types or their subtypes, rethrowing the failure unchanged;
     * abort rules win over retry rules. Calls add.
     *
     * @param types failure types
     * @return this builder
     */
    @SafeVarargs
    public final RetryBuilder abortOn(Class<? extends Throwable>... types) {
        abortOn.addAll(copyOf(types));
        return this;
    }

    /**
     * Stops at once on failures the predicate accepts, as {@link #abortOn}. Calls add.
     *
     * @param predicate tests the failure, wrappers peeled off; must not throw
     * @return this builder
     */
    public RetryBuilder abortIf(Predicate<? super Throwable> predicate) {
        abortIf.add(Objects.requireNonNull(predicate, "predicate"));
        return this;
    }

    /**
     * Retries when an attempt returns a value the predicate accepts (a job status FAILED, a partial
     * result). When the attempts run out, the call returns the last value. Calls add.
     *
     * @param predicate tests the value, possibly {@code null}; must not throw
     * @return this builder
     */
    public RetryBuilder retryOnResult(Predicate<Object> predicate) {
        retryOnResult.add(Objects.requireNonNull(predicate, "predicate"));
        return this;
    }

    /**
     * Takes the wait before a retry from the attempt's outcome, such as a {@code Retry-After} header
     * or a breaker's remaining open time. A present value replaces the backoff and jitter for that
     * wait and is held in {@code [0, maxDelay]}; an empty one leaves the backoff in charge. Default:
     * always empty. Replaces an earlier function.
     *
     * @param delayFrom gets the outcome of the attempt that asks for a retry; must not throw or return null
     * @return this builder
     */
    public RetryBuilder delayFrom(Function<Outcome<?>, Optional<Duration>> delayFrom) {
        this.delayFrom = Objects.requireNonNull(delayFrom, "delayFrom");
        return this;
    }

    /**
     * Classifies failures for {@link Outcome.Failure} values and events. Default
     * {@link ErrorClassifier#defaults()}. Retry rules do not consult it.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public RetryBuilder classifier(ErrorClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    /**
     * The randomness for jitter. Default {@link RandomSource#system()}.
     *
     * @param random the random source
     * @return this builder
     */
    public RetryBuilder random(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * How synchronous calls wait. Default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public RetryBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * How asynchronous calls wait; retries of those run on its thread. Default {@link Scheduler#system()}.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public RetryBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Adds an event listener; listeners are called in the order added, and one that throws is logged
     * and skipped.
     *
     * @param listener the listener; should be quick, it runs on the calling thread
     * @return this builder
     */
    public RetryBuilder listener(Consumer<? super RetryEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The settings, checked.
     *
     * @return the config
     * @throws IllegalArgumentException if {@code name} is blank or {@code maxAttempts < 1}
     */
    public RetryConfig buildConfig() {
        return new RetryConfig(name, maxAttempts, backoff, jitter, retryOn, retryIf, abortOn, abortIf,
                retryOnResult, delayFrom, classifier, random, sleeper, scheduler, listeners);
    }

    /**
     * Builds the retry.
     *
     * @return a new, thread-safe retry
     * @throws IllegalArgumentException as {@link #buildConfig()}
     */
    public Retry build() {
        return new RetryImpl(buildConfig());
    }

    @SafeVarargs
    private static List<Class<? extends Throwable>> copyOf(Class<? extends Throwable>... types) {
        var copy = new ArrayList<Class<? extends Throwable>>(types.length);
        for (Class<? extends Throwable> type : types) {
            copy.add(Objects.requireNonNull(type, "type"));
        }
        return copy;
    }

    private void replaceDefaultRetryRules() {
        if (!retryRulesGiven) {
            retryRulesGiven = true;
            retryOn.clear();
        }
    }
}
