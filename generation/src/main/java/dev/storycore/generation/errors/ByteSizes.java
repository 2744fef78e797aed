package dev.storycore.generation.errors;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and prints byte amounts the way PyTorch, ComfyUI and operating systems write them:
 * {@code 2.50 GiB}, {@code 320.00 MiB}, {@code 20423839744 bytes}, {@code 8.19 GB}.
 *
 * <p>All units are powers of 1024. KiB/MiB/GiB are binary by name; KB/MB/GB are read as binary too,
 * because the tools that print them here (PyTorch's MPS allocator, ComfyUI's model loader, nvidia-smi)
 * compute them with 1024, so a message can repeat the figure the user saw. A bare number is bytes.
 * Stateless and thread-safe.
 */
final class ByteSizes {

    /**
     * A regular expression for one amount with its unit, for embedding in larger patterns. It has one
     * capturing group (the whole amount) so callers can hand the group to {@link #parse(String)}.
     */
    static final String AMOUNT = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\s*(?:[KMGT]i?B|bytes?|B)\\b"
            + "|\\d+(?:\\.\\d+)?\\s*(?:[KMGT]i?B|bytes?|B)\\b)";

    private static final Pattern ONE = Pattern.compile(
            "\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|bytes?|B)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final long KIB = 1024L;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    private ByteSizes() {
    }

    /**
     * Parses one amount such as {@code "2.50 GiB"} or {@code "20423839744 bytes"}.
     *
     * @param amount the text of the amount alone
     * @return the bytes, rounded to the nearest byte, or empty if the text is not one amount
     */
    static OptionalLong parse(String amount) {
        Matcher m = ONE.matcher(amount);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double number = Double.parseDouble(m.group(1).replace(",", ""));
        double bytes = number * multiplier(m.group(2));
        if (!(bytes >= 0 && bytes < Long.MAX_VALUE)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(bytes));
    }

    private static double multiplier(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "kib", "kb" -> KIB;
            case "mib", "mb" -> MIB;
            case "gib", "gb" -> GIB;
            case "tib", "tb" -> GIB * 1024.0;
            default -> 1; // b, byte, bytes
        };
    }

    /**
     * Prints an amount the way PyTorch does: two decimals in the largest binary unit that keeps the
     * number at least one, or plain bytes below 1 KiB.
     *
     * @param bytes the amount, not negative
     * @return for example {@code "2.50 GiB"}
     */
    static String format(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.2f MiB", bytes / (double) MIB);
        }
        if (bytes >= KIB) {
            return String.format(Locale.ROOT, "%.2f KiB", bytes / (double) KIB);
        }
        return bytes + " bytes";
    }
}
