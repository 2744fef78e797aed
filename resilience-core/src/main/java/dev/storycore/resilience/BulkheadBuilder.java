package dev.storycore.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link Bulkhead}. Defaults: 10 concurrent calls, no waiting (a full bulkhead refuses at
 * once), rejections without stack traces, the default classifier, no listeners.
 *
 * <p>Settings are checked by {@link #build()}, which throws {@link IllegalArgumentException} naming the
 * bad parameter. Not thread-safe; {@link #build()} copies everything.
 */
public final class BulkheadBuilder {

    private final String name;
    private int maxConcurrentCalls = BulkheadConfig.DEFAULT_MAX_CONCURRENT_CALLS;
    private Duration maxWait = Duration.ZERO;
    private boolean writableStackTrace;
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private final List<Consumer<? super BulkheadEvent>> listeners = new ArrayList<>();

    BulkheadBuilder(String name) {
        this.name = name;
    }

    BulkheadBuilder(BulkheadConfig config) {
        this(config.name());
        maxConcurrentCalls = config.maxConcurrentCalls();
        maxWait = config.maxWait();
        writableStackTrace = config.writableStackTrace();
        classifier = config.classifier();
        listeners.addAll(config.listeners());
    }

    /**
     * How many calls may run at once. Default 10.
     *
     * @param maxConcurrentCalls at least 1, checked by {@link #build()}
     * @return this builder
     */
    public BulkheadBuilder maxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
        return this;
    }

    /**
     * How long a call may wait for a permit; waiters are served first come, first served. Default
     * zero: refuse at once.
     *
     * @param maxWait zero or more, checked by {@link #build()}
     * @return this builder
     */
    public BulkheadBuilder maxWait(Duration maxWait) {
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        return this;
    }

    /**
     * Whether {@link BulkheadFullException}s fill in a stack trace. Default {@code false}: a refusal is
     * expected under load and a stack trace would cost far more than the refusal.
     *
     * @param writableStackTrace {@code true} to fill in stack traces
     * @return this builder
     */
    public BulkheadBuilder writableStackTrace(boolean writableStackTrace) {
        this.writableStackTrace = writableStackTrace;
        return this;
    }

    /**
     * Classifies failures for {@link Bulkhead#executeOutcome}. Default {@link ErrorClassifier#defaults()}.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public BulkheadBuilder classifier(ErrorClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    /**
     * Adds an event listener; one that throws is logged and skipped.
     *
     * @param listener the listener; should be quick, it runs on the calling thread
     * @return this builder
     */
    public BulkheadBuilder listener(Consumer<? super BulkheadEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The settings, checked.
     *
     * @return the config
     * @throws IllegalArgumentException as {@link BulkheadConfig#BulkheadConfig}
     */
    public BulkheadConfig buildConfig() {
        return new BulkheadConfig(name, maxConcurrentCalls, maxWait, writableStackTrace, classifier, listeners);
    }

    /**
     * Builds the bulkhead.
     *
     * @return a new, thread-safe bulkhead
     * @throws IllegalArgumentException as {@link #buildConfig()}
     */
    public Bulkhead build() {
        return new BulkheadImpl(buildConfig());
    }
}
