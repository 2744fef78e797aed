package dev.storycore.resilience.testing;

import dev.storycore.resilience.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that never sleeps: it records each requested delay and, if it was given a
 * {@link FakeClock}, advances that clock by the delay, so code under test sees time pass.
 *
 * <p>Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final FakeClock clock;

    /** A sleeper that only records. */
    public RecordingSleeper() {
        this.clock = null;
    }

    /**
     * A sleeper that records and advances the clock.
     *
     * @param clock the clock to advance by each delay
     */
    public RecordingSleeper(FakeClock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sleeping " + duration);
        }
        sleeps.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }

    /**
     * Every delay requested so far, in order.
     *
     * @return an immutable copy
     */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /**
     * The sum of every delay requested so far.
     *
     * @return the total
     */
    public Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
