package dev.storycore.resilience;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline of one synchronous call: a tiny state machine that settles the race between the call
 * returning and the timer firing. Exactly one side wins the CAS out of {@code RUNNING}:
 * <ul>
 *   <li>the caller ({@link #finish()}): the timer, if it still fires, does nothing;
 *   <li>the timer ({@link #run()}): it interrupts the caller and then marks {@code INTERRUPTED}; the
 *       caller, seeing it lost, waits for that mark before clearing its interrupt flag, so the
 *       interrupt cannot land after the flag was cleared.
 * </ul>
 * The wait is a spin over two plain instructions on the timer's side, so it is bounded and short.
 *
 * <p>Thread-safe.
 */
final class TimeoutInterrupter extends AtomicInteger implements Runnable {

    private static final long serialVersionUID = 1L;

    static final int RUNNING = 0;
    static final int FINISHED = 1;
    static final int INTERRUPTING = 2;
    static final int INTERRUPTED = 3;

    private final transient Thread caller;

    TimeoutInterrupter(Thread caller) {
        this.caller = caller;
    }

    /** Fires the deadline. */
    @Override
    public void run() {
        if (compareAndSet(RUNNING, INTERRUPTING)) {
            caller.interrupt();
            set(INTERRUPTED);
        }
    }

    /**
     * Marks the call finished.
     *
     * @return {@code true} if it finished before the deadline fired
     */
    boolean finish() {
        return compareAndSet(RUNNING, FINISHED);
    }

    /** After {@link #finish()} returned {@code false}: clears the interrupt the deadline delivered. */
    void clearInterrupt() {
        while (get() != INTERRUPTED) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }
}
