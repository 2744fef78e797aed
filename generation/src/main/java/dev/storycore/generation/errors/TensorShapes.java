package dev.storycore.generation.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sizes PyTorch states when tensors do not line up, and what they say about the time axis
 * of a video: pixel frames against latent frames ({@code 81} against {@code 21}); two video latents
 * {@code [batch, channels, time, height, width]} that agree in everything but time (from a failed
 * expand, or a check stating the shape it expected and the one it got); two sizes that disagree
 * where a five-dimensional shape printed beside them holds its time axis; or a view into a video
 * layout whose batch and frame size fit the data but whose time does not; one of the sizes being
 * the frame count passed as a parameter ({@code --video_length 24}); or two printed
 * {@code [channels, time, height, width]} latents with a video latent's channel count differing only
 * in time, in a report that speaks of latents and frames. Sizes alone rarely say which axis is
 * wrong, so only these patterns count as evidence; other four-dimensional shapes, whose third axis
 * from the end is an image's channels as often as time, never do. Stateless and thread-safe.
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

    /**
     * A shape asked for and the shape given, as a check that raises says it:
     * {@code expected [B, 1, 13, 512, 512], got [B, 1, 12, 512, 512]}; dimensions may be symbols.
     */
    private static final Pattern EXPECTED_AND_GOT = Pattern.compile(
            "expected[^\\[\\n]{0,40}\\[([\\w\\s,]{1,80})\\]\\)?[^\\[\\n]{0,40}?\\b(?:got|found|received|but is"
                    + "|actual)\\b[^\\[\\n]{0,30}\\[([\\w\\s,]{1,80})\\]", Pattern.CASE_INSENSITIVE);

    /** A shape as PyTorch prints it: {@code torch.Size([1, 16, 21, 60, 104])}, or bare. */
    private static final Pattern PRINTED_SHAPE = Pattern.compile("\\[(\\d{1,6}(?:,\\s*\\d{1,6}){2,5})\\]");

    /** A view the data does not fit: {@code shape '[1, 24, 4, 120, 68]' is invalid for input of size 807840}. */
    private static final Pattern INVALID_VIEW = Pattern.compile(
            "shape '\\[(\\d{1,6}(?:,\\s*\\d{1,6}){0,7})\\]' is invalid for input of size (\\d{1,15})",
            Pattern.CASE_INSENSITIVE);

    /** A frame count passed as a parameter: {@code --video_length 24}, {@code num_frames=49}. */
    private static final Pattern FRAME_PARAMETER = Pattern.compile(
            "\\b(?:video[_-]?length|num[_-]?frames|frame[_-]?num|max[_-]?frames|n_frames|frame[_-]?count)"
                    + "\\s*[=:]?\\s*(\\d{1,5})\\b", Pattern.CASE_INSENSITIVE);

    /** The report speaks of video latents and frames, so a latent's second axis can be its time. */
    private static final Pattern LATENT_WORD = Pattern.compile("\\blatents?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAMES_WORD = Pattern.compile("\\bframes\\b", Pattern.CASE_INSENSITIVE);

    /** Channel counts of video VAE latents (HunyuanVideo and Wan 2.1: 16; Wan 2.2 5B: 48; LTX: 128). */
    private static final List<Long> LATENT_CHANNELS = List.of(4L, 12L, 16L, 32L, 48L, 64L, 128L);

    /** Where the time axis of a {@code [batch, channels, time, height, width]} latent sits. */
    private static final int TIME_AXIS = 2;

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
        if (sizes.isPresent() && atTimeAxisOfPrintedShape(report.text(), sizes.get())) {
            return true;
        }
        if (sizes.isPresent() && isStatedFrameCount(report.text(), sizes.get())) {
            return true;
        }
        if (videoLatentsDifferInTime(report.text(), sizes)) {
            return true;
        }
        Matcher m = TARGET_AND_TENSOR.matcher(report.text());
        if (m.find() && differOnlyOnTimeAxis(dims(m.group(1)), dims(m.group(2)))) {
            return true;
        }
        Matcher stated = EXPECTED_AND_GOT.matcher(report.text());
        if (stated.find() && differOnlyOnTimeAxis(symbols(stated.group(1)), symbols(stated.group(2)))) {
            return true;
        }
        Matcher view = INVALID_VIEW.matcher(report.text());
        return view.find() && viewDisagreesInTime(dims(view.group(1)), Long.parseLong(view.group(2)));
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

    /** Whether one of two different sizes is the frame count the report says was asked for. */
    private static boolean isStatedFrameCount(String text, long[] sizes) {
        if (sizes[0] == sizes[1]) {
            return false;
        }
        Matcher m = FRAME_PARAMETER.matcher(text);
        while (m.find()) {
            long frames = Long.parseLong(m.group(1));
            if (frames == sizes[0] || frames == sizes[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two printed {@code [channels, time, height, width]} video latents of a report about
     * latents and frames agree in all but the time axis, and the sizes stated, if any, are those two
     * times. The channel count must be a video latent's, so an image batch {@code [batch, channels,
     * height, width]} does not pass.
     */
    private static boolean videoLatentsDifferInTime(String text, Optional<long[]> sizes) {
        if (!LATENT_WORD.matcher(text).find() || !FRAMES_WORD.matcher(text).find()) {
            return false;
        }
        List<List<Long>> shapes = new ArrayList<>();
        Matcher m = PRINTED_SHAPE.matcher(text);
        while (m.find()) {
            List<Long> shape = dims(m.group(1));
            if (shape.size() == 4 && LATENT_CHANNELS.contains(shape.get(0))) {
                shapes.add(shape);
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                List<Long> a = shapes.get(i);
                List<Long> b = shapes.get(j);
                boolean onlyTime = a.get(0).equals(b.get(0)) && !a.get(1).equals(b.get(1))
                        && a.get(2).equals(b.get(2)) && a.get(3).equals(b.get(3));
                if (onlyTime && sizes.map(s -> List.of(s[0], s[1]).containsAll(List.of(a.get(1), b.get(1))))
                        .orElse(true)) {
                    return true;
                }
            }
        }
        return false;
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
    private static boolean differOnlyOnTimeAxis(List<?> a, List<?> b) {
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

    /**
     * Whether one of the two sizes is the time axis of a five-dimensional shape printed in the same
     * report, and neither size appears anywhere else in that shape: then the disagreement is about
     * frames, not channels or space.
     */
    private static boolean atTimeAxisOfPrintedShape(String text, long[] sizes) {
        Matcher m = PRINTED_SHAPE.matcher(text);
        while (m.find()) {
            List<Long> shape = dims(m.group(1));
            if (shape.size() != 5) {
                continue;
            }
            long time = shape.get(TIME_AXIS);
            if (time != sizes[0] && time != sizes[1]) {
                continue;
            }
            boolean elsewhere = false;
            for (int i = 0; i < shape.size(); i++) {
                if (i != TIME_AXIS && (shape.get(i) == sizes[0] || shape.get(i) == sizes[1])) {
                    elsewhere = true;
                }
            }
            if (!elsewhere) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a five-dimensional view {@code [batch, a, b, height, width]} failed on time: batch and
     * frame size divide the data, leaving {@code q} values per pixel where {@code a * b} were
     * expected, and either {@code a} (the channels) divides {@code q} while {@code b} (the time axis)
     * does not, or {@code b} is a video VAE's temporal factor that {@code q} does not divide (frames
     * grouped in fours or eights, {@code [1, frames / 4, 4, h, w]}, from a count off the grid).
     */
    private static boolean viewDisagreesInTime(List<Long> shape, long size) {
        if (shape.size() != 5 || shape.contains(0L)) {
            return false;
        }
        long plane = shape.get(0) * shape.get(3) * shape.get(4);
        if (size % plane != 0) {
            return false;
        }
        long perPixel = size / plane;
        long a = shape.get(1);
        long b = shape.get(TIME_AXIS);
        if (perPixel == a * b || perPixel % b == 0) {
            return false;
        }
        return perPixel % a == 0 || isTemporalFactor(b);
    }

    private static boolean isTemporalFactor(long value) {
        for (int factor : TEMPORAL_FACTORS) {
            if (factor == value) {
                return true;
            }
        }
        return false;
    }

    /** Dimensions as written, numbers or symbols such as {@code B}; equal only when written alike. */
    private static List<String> symbols(String list) {
        List<String> dims = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                dims.add(part.strip());
            }
        }
        return dims;
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
