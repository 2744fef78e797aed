package dev.storycore.resilience.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts records by timestamp over a sliding window of 60 buckets.
 *
 * <p>Implementation notes: a bucket is stamped with its time index; a writer that finds an older
 * bucket in its slot swaps in a fresh one by CAS, and a record whose slot already belongs to a later
 * bucket is too old for the window and is not counted here (it still counts in the all-time
 * figures). The window therefore covers between 59 and 60 buckets back from now.
 *
 * <p>Thread-safe and lock-free.
 */
final class RateWindow {

    static final int BUCKETS = 60;

    private record Bucket(long index, LongAdder count) {
    }

    private final AtomicReferenceArray<Bucket> buckets = new AtomicReferenceArray<>(BUCKETS);
    private final long bucketMillis;

    RateWindow(Duration window) {
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
    }

    private long indexOf(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), bucketMillis);
    }

    void add(Instant timestamp, Instant now) {
        long index = indexOf(timestamp);
        if (index <= indexOf(now) - BUCKETS) {
            return;
        }
        int slot = Math.floorMod(index, BUCKETS);
        Bucket bucket = buckets.get(slot);
        while (bucket == null || bucket.index() < index) {
            Bucket fresh = new Bucket(index, new LongAdder());
            bucket = buckets.compareAndSet(slot, bucket, fresh) ? fresh : buckets.get(slot);
        }
        if (bucket.index() == index) {
            bucket.count().increment();
        }
    }

    long count(Instant now) {
        long newest = indexOf(now);
        long total = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            Bucket bucket = buckets.get(slot);
            if (bucket != null && bucket.index() > newest - BUCKETS && bucket.index() <= newest) {
                total += bucket.count().sum();
            }
        }
        return total;
    }
}
