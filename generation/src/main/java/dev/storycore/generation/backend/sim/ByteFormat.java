package dev.storycore.generation.backend.sim;

import java.util.Locale;

/** Byte counts written the way PyTorch's allocators write them: {@code 2.50 GiB}, {@code 91.25 MiB}. */
final class ByteFormat {

    private ByteFormat() {
    }

    static String format(long bytes) {
        if (bytes <= 1024) {
            return bytes + " bytes";
        }
        if (bytes <= 1L << 20) {
            return String.format(Locale.ROOT, "%.2f KiB", bytes / 1024.0);
        }
        if (bytes <= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
