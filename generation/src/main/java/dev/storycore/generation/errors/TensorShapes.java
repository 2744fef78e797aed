package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sizes PyTorch states when tensors do not line up, and what they say about the time axis
 * of a video: pixel frames against latent frames ({@code 81} against {@code 21}), or two video
 * latents {@code [batch, channels, time, height, width]} that agree in everything but time. Sizes
 * alone rarely say which axis is wrong, so only these two patterns count as evidence. Stateless and
 * thread-safe.
 */
final class TensorShapes {

    /** Two sizes that should have been equal, in the order PyTorch names them. */
    private static final List<Pattern> SIZE_PAIRS = List.of(
            Pattern.compile("size of tensor a \\((\\d{1,9})\\) must match the size of tensor b \\((\\d{1,9})\\)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("expanded size of the tensor \\((\\d{1,9})\\) must match the existing size"
                    + " \\((\\d{1,9})\\)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("expected size (\\d{1,9}) but got size (\\d{1,9})", Pattern.CASE_INSENSITIVE));

    /** "Target sizes: [1, 16, 21, 60, 104].  Tensor sizes: [1, 16, 20, 60, 104]" from a failed expand. */
    private static final Pattern TARGET_AND_TENSOR = Pattern.compile(
            "target sizes: \\[([\\d,\\s]*)\\]\\.?\\s*tensor sizes: \\[([\\d,\\s]*)\\]", Pattern.CASE_INSENSITIVE);

    /** How many pixel frames the video VAEs fold into one latent frame (4: Wan, HunyuanVideo; 8: LTX). */
    private static final int[] TEMPORAL_FACTORS = {4, 8};

    /** Longer than any clip these models make; beyond it, n against (n-1)/4+1 is more likely patches. */
    private static final long MAX_PIXEL_FRAMES = 400;

    private TensorShapes() {
    }

    /**
     * Whether the stated sizes show a disagreement in time only.
     *
     * @param report the report
     * @return {@code true} for pixel against latent frames, or shapes differing only on the time axis
     */
    static boolean differOnlyInTime(ErrorReport report) {
        Optional<long[]> sizes = sizes(report);
        if (sizes.isPresent() && (compresses(sizes.get()[0], sizes.get()[1])
                || compresses(sizes.get()[1], sizes.get()[0]))) {
            return true;
        }
        Matcher m = TARGET_AND_TENSOR.matcher(report.text());
        return m.find() && differOnlyOnTimeAxis(dims(m.group(1)), dims(m.group(2)));
    }

    /**
     * The two sizes as {@code sizeA} and {@code sizeB}, when stated.
     *
     * @param report the report
     * @return the values, or an empty map
     */
    static Map<String, String> sizeFacts(ErrorReport report) {
        return sizes(report).map(s -> Map.of("sizeA", Long.toString(s[0]), "sizeB", Long.toString(s[1])))
                .orElse(Map.of());
    }

    private static Optional<long[]> sizes(ErrorReport report) {
        for (Pattern pattern : SIZE_PAIRS) {
            Matcher m = pattern.matcher(report.text());
            if (m.find()) {
                return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        }
        return Optional.empty();
    }

    /** Whether {@code frames} pixel frames make exactly {@code latent} latent frames. */
    private static boolean compresses(long frames, long latent) {
        if (frames < 9 || frames > MAX_PIXEL_FRAMES) {
            return false;
        }
        for (int factor : TEMPORAL_FACTORS) {
            if ((frames - 1) % factor == 0 && (frames - 1) / factor + 1 == latent) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shapes aligned from the right (broadcasting drops leading dimensions) that differ only in the
     * third dimension from the end, where the longer one has five: the time axis of a video latent.
     * Four-dimensional shapes are left alone, since there the same place holds an image's channels.
     */
    private static boolean differOnlyOnTimeAxis(List<Long> a, List<Long> b) {
        if (Math.max(a.size(), b.size()) != 5 || Math.min(a.size(), b.size()) < 3) {
            return false;
        }
        for (int fromEnd = 1; fromEnd <= Math.min(a.size(), b.size()); fromEnd++) {
            boolean same = a.get(a.size() - fromEnd).equals(b.get(b.size() - fromEnd));
            if (same == (fromEnd == 3)) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> dims(String list) {
        List<Long> dims = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                dims.add(Long.parseLong(part.strip()));
            }
        }
        return dims;
    }
}
