package dev.storycore.cli;

import java.util.Locale;

/** Byte and parameter counts for people: {@code 2.47 GB}, {@code 310 MB}, {@code 1.30B}, {@code 48.0M}. */
final class Sizes {

    private static final long KIB = 1L << 10;
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private Sizes() {
    }

    /** Bytes in binary units, as file managers and nvidia-smi count. */
    static String bytes(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.2f GB", (double) bytes / GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.0f MB", (double) bytes / MIB);
        }
        if (bytes >= KIB) {
            return String.format(Locale.ROOT, "%.0f KB", (double) bytes / KIB);
        }
        return bytes + " B";
    }

    /** Parameter counts in decimal units, as model cards give them. */
    static String parameters(long count) {
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fB", count / 1e9);
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", count / 1e6);
        }
        if (count >= 1_000L) {
            return String.format(Locale.ROOT, "%.1fK", count / 1e3);
        }
        return Long.toString(count);
    }
}
