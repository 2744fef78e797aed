package dev.storycore.comfyui.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The fake's prompt queue. Like ComfyUI's, moving a prompt from pending to running, and from running
 * to the history, happens under one lock, so a client that reads history, queue, history never sees
 * a prompt in none of them. Thread-safe.
 */
final class FakeQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Deque<FakeJob> pending = new ArrayDeque<>();
    private FakeJob running;

    void add(FakeJob job) {
        lock.lock();
        try {
            pending.addLast(job);
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next job and marks it running. */
    FakeJob takeNext() throws InterruptedException {
        lock.lock();
        try {
            while (pending.isEmpty()) {
                notEmpty.await();
            }
            running = pending.removeFirst();
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code recordHistory} and clears the running job atomically. */
    void finish(FakeJob job, Runnable recordHistory) {
        lock.lock();
        try {
            recordHistory.run();
            if (running == job) {
                running = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes a waiting job, as {@code POST /queue {"delete": [id]}} does; running jobs stay. */
    boolean removePending(String promptId) {
        lock.lock();
        try {
            return pending.removeIf(job -> job.promptId.equals(promptId));
        } finally {
            lock.unlock();
        }
    }

    Optional<FakeJob> running() {
        lock.lock();
        try {
            return Optional.ofNullable(running);
        } finally {
            lock.unlock();
        }
    }

    List<FakeJob> pending() {
        lock.lock();
        try {
            return List.copyOf(pending);
        } finally {
            lock.unlock();
        }
    }

    /** Pending plus running, ComfyUI's {@code queue_remaining}. */
    int remaining() {
        lock.lock();
        try {
            return pending.size() + (running == null ? 0 : 1);
        } finally {
            lock.unlock();
        }
    }
}
