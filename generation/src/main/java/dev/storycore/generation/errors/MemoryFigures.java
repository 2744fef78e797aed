package dev.storycore.generation.errors;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory numbers an out-of-memory report states, each zero when the report did not say.
 *
 * <p>Understands the wordings of the PyTorch caching allocator (new: "Tried to allocate 2.50 GiB. GPU 0
 * has a total capacity of 15.70 GiB of which 1.12 GiB is free"; old: "(GPU 0; 23.69 GiB total
 * capacity; 20.28 GiB already allocated; 602.81 MiB free; ...)"), the cudaMallocAsync statistics block
 * ("Currently allocated : 14.81 GiB / Requested : 320.00 MiB / Device limit : 15.92 GiB / Free
 * (according to CUDA): 0 bytes"), Apple MPS ("MPS allocated: 17.80 GB ... max allowed: 18.13 GB"), the
 * CPU allocator ("you tried to allocate 20423839744 bytes") and numpy ("Unable to allocate 3.45 GiB").
 * For each figure the first wording found wins, in the order listed in the code.
 *
 * @param requested the allocation that failed
 * @param capacity  the device's total memory or allowed limit
 * @param free      the memory free when it failed
 * @param allocated the memory already allocated (by PyTorch, or by the process when that is all the
 *                  report says)
 * @param reserved  memory reserved by PyTorch but not allocated, a sign of fragmentation
 */
record MemoryFigures(long requested, long capacity, long free, long allocated, long reserved) {

    private static final String A = ByteSizes.AMOUNT;

    private static final List<Pattern> REQUESTED = patterns(
            "(?:tried|trying|failed) to allocate\\s+" + A,
            "requested\\s*:?\\s*" + A,
            "unable to allocate\\s+" + A);
    private static final List<Pattern> CAPACITY = patterns(
            "total capacity of\\s+" + A,
            A + "\\s+total capacity",
            "device limit\\s*:\\s*" + A,
            "max allowed:\\s*" + A);
    private static final List<Pattern> FREE = patterns(
            "of which\\s+" + A + "\\s+is free",
            "free \\(according to cuda\\)\\s*:\\s*" + A,
            A + "\\s+free\\b");
    private static final List<Pattern> ALLOCATED = patterns(
            "currently allocated\\s*:\\s*" + A,
            A + "\\s+is allocated by pytorch",
            A + "\\s+already allocated",
            "mps allocated:\\s*" + A,
            "process \\d+ has\\s+" + A + "\\s+memory in use");
    private static final List<Pattern> RESERVED = patterns(
            A + "\\s+is reserved by pytorch but unallocated");

    /** Figures that say nothing. */
    static final MemoryFigures NONE = new MemoryFigures(0, 0, 0, 0, 0);

    /**
     * Reads the figures from a report.
     *
     * @param text the report text
     * @return the figures, zero where the text is silent
     */
    static MemoryFigures read(String text) {
        return new MemoryFigures(first(REQUESTED, text), first(CAPACITY, text), first(FREE, text),
                first(ALLOCATED, text), first(RESERVED, text));
    }

    /**
     * How much more the failed allocation needed than was free, when both are known.
     *
     * @return the shortfall in bytes, or zero
     */
    long shortfall() {
        return free > 0 && requested > free ? requested - free : 0;
    }

    private static long first(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return ByteSizes.parse(m.group(1)).orElse(0);
            }
        }
        return 0;
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE))
                .toList();
    }
}
