package dev.storycore.resilience.degradation;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls and failures over a sliding time window, per generation of the level.
 *
 * <p>Implementation notes: the window is a ring of ten buckets, each a tenth of the window long. A
 * bucket is stamped with its time index and the generation of the level it counts for; a recorder
 * that finds a stale bucket swaps in a fresh one by CAS. Reading sums the buckets of the asked
 * generation whose index lies in the last ten, so a level change empties the window at once without
 * touching it. A recorder that loses a race with a swap may drop its one outcome; the window is a
 * sampling of health, so this is accepted instead of a lock.
 *
 * <p>Thread-safe and lock-free.
 */
final class OutcomeWindow {

    static final int BUCKETS = 10;

    private record Bucket(long index, long generation, LongAdder calls, LongAdder failures) {
        Bucket(long index, long generation) {
            this(index, generation, new LongAdder(), new LongAdder());
        }
    }

    private final AtomicReferenceArray<Bucket> buckets = new AtomicReferenceArray<>(BUCKETS);
    private final long bucketNanos;

    OutcomeWindow(long windowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
    }

    long bucketNanos() {
        return bucketNanos;
    }

    long indexAt(long nanos) {
        return Math.floorDiv(nanos, bucketNanos);
    }

    void record(long nowNanos, long generation, boolean failure) {
        long index = indexAt(nowNanos);
        int slot = Math.floorMod(index, BUCKETS);
        Bucket bucket = buckets.get(slot);
        while (bucket == null || bucket.index() < index
                || bucket.index() == index && bucket.generation() < generation) {
            Bucket fresh = new Bucket(index, generation);
            if (buckets.compareAndSet(slot, bucket, fresh)) {
                bucket = fresh;
            } else {
                bucket = buckets.get(slot);
            }
        }
        if (bucket.index() != index || bucket.generation() != generation) {
            return; // a newer time or level already owns the slot: this outcome is stale
        }
        bucket.calls().increment();
        if (failure) {
            bucket.failures().increment();
        }
    }

    GracefulDegradation.WindowSnapshot snapshot(long nowNanos, long generation) {
        long newest = indexAt(nowNanos);
        long calls = 0;
        long failures = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            Bucket bucket = buckets.get(slot);
            if (bucket != null && bucket.generation() == generation
                    && bucket.index() > newest - BUCKETS && bucket.index() <= newest) {
                // failures first: a counted failure's call was counted before it, so calls >= failures
                failures += bucket.failures().sum();
                calls += bucket.calls().sum();
            }
        }
        return new GracefulDegradation.WindowSnapshot(calls, failures);
    }
}
