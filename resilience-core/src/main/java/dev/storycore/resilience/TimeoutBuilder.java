package dev.storycore.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link Timeout}. Defaults: 30 s (video generation calls usually need their own, longer
 * limit), the system scheduler, the default classifier, no listeners.
 *
 * <p>Settings are checked by {@link #build()}, which throws {@link IllegalArgumentException} naming the
 * bad parameter. Not thread-safe; {@link #build()} copies everything.
 */
public final class TimeoutBuilder {

    private final String name;
    private Duration timeout = TimeoutConfig.DEFAULT_TIMEOUT;
    private Scheduler scheduler = Scheduler.system();
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private final List<Consumer<? super TimeoutEvent>> listeners = new ArrayList<>();

    TimeoutBuilder(String name) {
        this.name = name;
    }

    TimeoutBuilder(TimeoutConfig config) {
        this(config.name());
        timeout = config.timeout();
        scheduler = config.scheduler();
        classifier = config.classifier();
        listeners.addAll(config.listeners());
    }

    /**
     * How long a call may run. Default 30 s.
     *
     * @param timeout positive, checked by {@link #build()}
     * @return this builder
     */
    public TimeoutBuilder timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Fires the deadlines; its tasks interrupt a thread or complete a future and return at once.
     * Default {@link Scheduler#system()}.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public TimeoutBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Classifies failures for {@link Timeout#executeOutcome}. Default {@link ErrorClassifier#defaults()}.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public TimeoutBuilder classifier(ErrorClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    /**
     * Adds an event listener; one that throws is logged and skipped.
     *
     * @param listener the listener; should be quick
     * @return this builder
     */
    public TimeoutBuilder listener(Consumer<? super TimeoutEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The settings, checked.
     *
     * @return the config
     * @throws IllegalArgumentException if {@code name} is blank or {@code timeout} is not positive
     */
    public TimeoutConfig buildConfig() {
        return new TimeoutConfig(name, timeout, scheduler, classifier, listeners);
    }

    /**
     * Builds the timeout.
     *
     * @return a new, thread-safe timeout
     * @throws IllegalArgumentException as {@link #buildConfig()}
     */
    public Timeout build() {
        return new TimeoutImpl(buildConfig());
    }
}
