package dev.storycore.resilience;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The time-based sliding window of the failure-rate mode: call, failure and slow-call counts per bucket,
 * in memory allocated once.
 *
 * <p>Implementation notes. Time is cut into buckets of {@code bucketNanos}; bucket number {@code e} (its
 * epoch) lives in slot {@code e mod buckets}. Each slot holds three words (calls, failures, slow calls),
 * and each word packs its own epoch (high 40 bits) with its count (low 24 bits), so recording is one
 * compare-and-set per word that either adds one or, when the word still holds an older epoch, restarts
 * it at one. Nothing is ever reset by a separate step, so there is no moment at which a concurrent
 * increment can be lost, and no lock. A word whose epoch is {@code buckets} or more behind the current
 * one has aged out and is skipped by the sums. Counts saturate at 2^24 - 1 per bucket; once a bucket's
 * calls are saturated its failures and slow calls stop counting too, so its rates stay those of the
 * calls it did count. Forty epoch bits last 34 years at the shortest bucket of 1 ms.
 *
 * <p>The breaker adds an offset to every epoch and moves it forward by {@code buckets + 1} whenever it
 * closes, which makes every earlier word stale at once: clearing the window allocates and writes nothing.
 *
 * <p>Thread-safe and lock-free.
 */
final class CircuitBreakerWindow {

    private static final int COUNT_BITS = 24;
    private static final long MAX_COUNT = (1L << COUNT_BITS) - 1;
    private static final int CALLS = 0;
    private static final int FAILURES = 1;
    private static final int SLOW = 2;

    private final int buckets;
    private final long bucketNanos;
    private final long originNanos;
    private final AtomicLongArray words;

    CircuitBreakerWindow(int buckets, long bucketNanos, long originNanos) {
        this.buckets = buckets;
        this.bucketNanos = bucketNanos;
        this.originNanos = originNanos;
        this.words = new AtomicLongArray(3 * buckets);
    }

    /** How far the breaker moves its offset on close so that every recorded bucket is stale. */
    long shift() {
        return buckets + 1L;
    }

    /** The epoch of a clock reading, never negative. */
    long epoch(long nowNanos, long offset) {
        return Math.max(0, Math.floorDiv(nowNanos - originNanos, bucketNanos)) + offset;
    }

    /** Records one completed call in the bucket of {@code epoch}. */
    void record(long epoch, boolean failure, boolean slow) {
        int base = 3 * (int) (epoch % buckets);
        long counted = increment(base + CALLS, epoch);
        if (counted < 0) {
            return;
        }
        if (failure) {
            increment(base + FAILURES, counted);
        }
        if (slow) {
            increment(base + SLOW, counted);
        }
    }

    /** Adds one to a word; returns the epoch it was counted in, or -1 when the word is saturated. */
    private long increment(int index, long epoch) {
        while (true) {
            long word = words.get(index);
            long wordEpoch = word >>> COUNT_BITS;
            long next;
            // A word already at a later epoch belongs to a caller whose clock read a little later;
            // this call completed at that bucket's start, so it joins it rather than wiping it.
            if (wordEpoch >= epoch) {
                if ((word & MAX_COUNT) == MAX_COUNT) {
                    return -1;
                }
                next = word + 1;
            } else {
                next = epoch << COUNT_BITS | 1;
            }
            if (words.weakCompareAndSetVolatile(index, word, next)) {
                return Math.max(wordEpoch, epoch);
            }
        }
    }

    long calls(long epoch) {
        return sum(CALLS, epoch);
    }

    long failures(long epoch) {
        return sum(FAILURES, epoch);
    }

    long slowCalls(long epoch) {
        return sum(SLOW, epoch);
    }

    private long sum(int kind, long epoch) {
        long total = 0;
        for (int slot = 0; slot < buckets; slot++) {
            long word = words.get(3 * slot + kind);
            if (word >>> COUNT_BITS > epoch - buckets) {
                total += word & MAX_COUNT;
            }
        }
        return total;
    }
}
