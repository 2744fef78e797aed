package dev.storycore.resilience.testing;

import dev.storycore.resilience.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scheduler driven by a {@link FakeClock}: tasks run on the thread that calls {@link #advance} or
 * {@link #runDue}, in due-time order, never on their own.
 *
 * <p>Thread-safe; tasks run outside the internal lock.
 */
public final class FakeScheduler implements Scheduler {

    private record Task(long dueNanos, long sequence, Runnable action, AtomicBoolean cancelled) {
    }

    private final FakeClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::sequence));
    private final AtomicLong sequence = new AtomicLong();
    private final List<Duration> requestedDelays = new ArrayList<>();

    /**
     * Creates a scheduler on a clock.
     *
     * @param clock the clock whose time decides when tasks are due
     */
    public FakeScheduler(FakeClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        var entry = new Task(clock.nanoTime() + delay.toNanos(), sequence.incrementAndGet(),
                Objects.requireNonNull(task, "task"), new AtomicBoolean());
        lock.lock();
        try {
            queue.add(entry);
            requestedDelays.add(delay);
        } finally {
            lock.unlock();
        }
        return () -> entry.cancelled().compareAndSet(false, true);
    }

    /**
     * Advances the clock step by step to each due task and runs it, up to {@code duration} from now.
     *
     * @param duration how far to move time
     */
    public void advance(Duration duration) {
        long target = clock.nanoTime() + duration.toNanos();
        while (true) {
            Task next = pollDue(target);
            if (next == null) {
                break;
            }
            long wait = next.dueNanos() - clock.nanoTime();
            if (wait > 0) {
                clock.advance(Duration.ofNanos(wait));
            }
            if (!next.cancelled().get()) {
                next.action().run();
            }
        }
        long rest = target - clock.nanoTime();
        if (rest > 0) {
            clock.advance(Duration.ofNanos(rest));
        }
    }

    /** Runs every task already due, without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Advances time until no task is pending, running each; for code that reschedules itself
     * (retries), this runs the whole sequence.
     *
     * @param limit at most this many tasks, to stop runaway loops
     * @return how many tasks ran
     */
    public int runAll(int limit) {
        int ran = 0;
        while (ran < limit) {
            Task next = pollDue(Long.MAX_VALUE);
            if (next == null) {
                break;
            }
            long wait = next.dueNanos() - clock.nanoTime();
            if (wait > 0) {
                clock.advance(Duration.ofNanos(wait));
            }
            if (!next.cancelled().get()) {
                next.action().run();
                ran++;
            }
        }
        return ran;
    }

    /**
     * How many tasks are waiting, cancelled ones included.
     *
     * @return the number of queued tasks
     */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every delay requested so far, in order.
     *
     * @return an immutable copy
     */
    public List<Duration> requestedDelays() {
        lock.lock();
        try {
            return List.copyOf(requestedDelays);
        } finally {
            lock.unlock();
        }
    }

    private Task pollDue(long limitNanos) {
        lock.lock();
        try {
            Task head = queue.peek();
            if (head == null || head.dueNanos() > limitNanos) {
                return null;
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }
}
