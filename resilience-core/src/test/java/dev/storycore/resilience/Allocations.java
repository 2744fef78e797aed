package dev.storycore.resilience;

import java.lang.reflect.Method;

/**
 * Measures what a piece of code allocates on the calling thread, through the JVM's per-thread
 * allocation counter. The counter is reached by reflection because the module under test does not read
 * {@code jdk.management}; tests run on the class path, where it is visible.
 */
final class Allocations {

    private static final Object THREADS;
    private static final Method ALLOCATED_BYTES;

    static {
        try {
            THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            ALLOCATED_BYTES = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Allocations() {
    }

    /** Bytes allocated by the calling thread so far. */
    static long allocatedBytes() {
        try {
            return (Long) ALLOCATED_BYTES.invoke(THREADS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no per-thread allocation counter in this JVM", e);
        }
    }

    /**
     * Runs the code {@code warmups} times, then once more, and returns what that last run allocated.
     *
     * @param calls   the code
     * @param warmups how many runs come first, so the JIT has compiled the code
     * @return bytes allocated by the measured run
     */
    static long bytesFor(Runnable calls, int warmups) {
        for (int i = 0; i < warmups; i++) {
            calls.run();
        }
        long before = allocatedBytes();
        calls.run();
        return allocatedBytes() - before;
    }
}
