package dev.storycore.generation.backend.sim;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the simulator's seed and a key, so that
 * what happens to a job depends on the seed and the job's identity, never on which thread ran it or
 * what ran before it on other threads. Hashes are spelled out (FNV-1a, the SplitMix64 finaliser)
 * rather than taken from {@link String#hashCode()} so the streams are the same on every JVM.
 */
final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A random stream for a key and a counter. */
    static SplittableRandom stream(long seed, String key, long counter) {
        return new SplittableRandom(bits(seed, key, counter));
    }

    /** A uniform number in [0, 1) for a key. */
    static double unit(long seed, String key) {
        return (bits(seed, key, 0) >>> 11) * 0x1.0p-53;
    }

    static long bits(long seed, String key, long counter) {
        return mix(mix(seed ^ hash(key)) + counter * GOLDEN);
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
