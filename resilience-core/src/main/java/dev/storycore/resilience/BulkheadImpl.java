package dev.storycore.resilience;

import dev.storycore.resilience.internal.Listeners;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The semaphore bulkhead. Taking and returning an uncontended permit allocates nothing; events are
 * made only when a listener is registered. Thread-safe.
 */
final class BulkheadImpl implements Bulkhead {

    private final BulkheadConfig config;
    private final String name;
    private final int maxConcurrentCalls;
    private final long maxWaitNanos;
    private final boolean writableStackTrace;
    private final ErrorClassifier classifier;
    private final List<Consumer<? super BulkheadEvent>> listeners;
    private final boolean hasListeners;
    private final Semaphore permits;

    private final LongAdder permitted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder completed = new LongAdder();

    BulkheadImpl(BulkheadConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = config.name();
        this.maxConcurrentCalls = config.maxConcurrentCalls();
        this.maxWaitNanos = BackoffDelays.saturatedNanos(config.maxWait());
        this.writableStackTrace = config.writableStackTrace();
        this.classifier = config.classifier();
        this.listeners = config.listeners();
        this.hasListeners = !listeners.isEmpty();
        // Fair, so that callers waiting up to maxWait are served in arrival order; a zero wait uses
        // tryAcquire(), which never queues, so fairness costs nothing there.
        this.permits = new Semaphore(maxConcurrentCalls, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BulkheadConfig config() {
        return config;
    }

    @Override
    public <T> T execute(Call<T> call) {
        Objects.requireNonNull(call, "call");
        try {
            if (!acquire()) {
                throw new BulkheadFullException(name, maxConcurrentCalls, writableStackTrace);
            }
            try {
                return call.call();
            } finally {
                release();
            }
        } catch (Exception failure) {
            throw CallFailedException.rethrow(failure);
        }
    }

    @Override
    public <T> Outcome<T> executeOutcome(Call<T> call) {
        Objects.requireNonNull(call, "call");
        try {
            if (!acquire()) {
                return new Outcome.Rejected<>(new BulkheadFullException(name, maxConcurrentCalls, writableStackTrace));
            }
        } catch (InterruptedException interrupt) {
            Thread.currentThread().interrupt();
            return new Outcome.Failure<>(interrupt, classifier.classify(interrupt));
        }
        try {
            return new Outcome.Success<>(call.call());
        } catch (CallNotPermittedException rejection) {
            return new Outcome.Rejected<>(rejection);
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome.Failure<>(failure, classifier.classify(failure));
        } finally {
            release();
        }
    }

    @Override
    public boolean tryAcquire() {
        try {
            return acquire();
        } catch (InterruptedException interrupt) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void release() {
        // Over-releasing would silently raise the limit; with every permit free, nobody holds one.
        if (permits.availablePermits() >= maxConcurrentCalls) {
            throw new IllegalStateException("Bulkhead '" + name + "': release() without a permit taken");
        }
        permits.release();
        completed.increment();
        if (hasListeners) {
            publish(new BulkheadEvent.Released(name));
        }
    }

    @Override
    public BulkheadStatistics statistics() {
        return new BulkheadStatistics(permits.availablePermits(), maxConcurrentCalls,
                permitted.sum(), rejected.sum(), completed.sum());
    }

    private boolean acquire() throws InterruptedException {
        boolean acquired = maxWaitNanos == 0
                ? permits.tryAcquire()
                : permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        (acquired ? permitted : rejected).increment();
        if (hasListeners) {
            publish(acquired ? new BulkheadEvent.Permitted(name) : new BulkheadEvent.Rejected(name));
        }
        return acquired;
    }

    private void publish(BulkheadEvent event) {
        Listeners.deliverAll(listeners, event);
    }

    @Override
    public String toString() {
        return "Bulkhead[" + name + ", maxConcurrentCalls=" + maxConcurrentCalls + "]";
    }
}
