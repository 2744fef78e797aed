package dev.storycore.generation.memory;

import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Snap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Searches for the longest clip or the largest frame that fits a memory budget, for pre-flight and
 * for recovery after an out-of-memory error. Every search takes a correction factor (1 = trust the
 * estimator; more after a real OOM showed it was low). Stateless and thread-safe.
 */
public final class FitSearch {

    /** The shortest frame side a resolution cut goes down to. */
    public static final int RESOLUTION_FLOOR = 320;
    /** Frame counts are never cut below this many (or the request's own count, if smaller). */
    public static final int FRAMES_FLOOR = 17;

    private static final int[] SHORT_SIDES = {1080, 960, 832, 720, 704, 640, 576, 544, 480, 432, 384, 352, 320};
    private static final VramEstimator ESTIMATOR = new VramEstimator();

    private FitSearch() {
    }

    /**
     * The corrected peak of a request.
     *
     * @param model      the model
     * @param request    the request
     * @param correction factor of at least 1
     * @return the peak in bytes
     */
    public static long peak(ModelSpec model, GenerationRequest request, double correction) {
        return ESTIMATOR.estimate(model, request).correctedPeak(correction);
    }

    /**
     * Whether a request's corrected peak is within a budget.
     *
     * @param model       the model
     * @param request     the request
     * @param budgetBytes the budget
     * @param correction  factor of at least 1
     * @return {@code true} if it fits
     */
    public static boolean fits(ModelSpec model, GenerationRequest request, long budgetBytes, double correction) {
        return peak(model, request, correction) <= budgetBytes;
    }

    /**
     * The shortest clip a cut may leave: half the request rounded up to the frame rule, and at least
     * {@value #FRAMES_FLOOR} frames unless the request is shorter.
     *
     * @param model  the model
     * @param frames the requested frames
     * @return the floor, a valid frame count not above {@code frames}
     */
    public static int minimumFrames(ModelSpec model, int frames) {
        int half = model.frameRule().ceil((frames + 1) / 2);
        int floor = Math.max(half, model.frameRule().ceil(FRAMES_FLOOR));
        return Math.min(floor, model.frameRule().floor(frames));
    }

    /**
     * The most frames in {@code [minFrames, request.frames()]} that follow the model's rule and fit.
     *
     * @param model       the model
     * @param request     the request (its other settings are kept)
     * @param minFrames   the fewest frames acceptable
     * @param budgetBytes the budget
     * @param correction  factor of at least 1
     * @return the frame count, or empty if even {@code minFrames} does not fit
     */
    public static OptionalInt largestFittingFrames(
            ModelSpec model, GenerationRequest request, int minFrames, long budgetBytes, double correction) {
        Objects.requireNonNull(model, "model");
        for (int frames = model.frameRule().floor(request.frames()); frames >= minFrames;
                frames -= model.frameRule().multiple()) {
            if (fits(model, request.toBuilder().frames(frames).build(), budgetBytes, correction)) {
                return OptionalInt.of(frames);
            }
            if (frames == model.frameRule().offset()) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Frame sizes below {@code size} with the same orientation and about the same aspect ratio, largest
     * first, down to a short side of {@code minShortSide}; the model's native sizes are used where a
     * short side matches one.
     *
     * @param model        the model (its size multiple and native sizes)
     * @param size         the current size
     * @param minShortSide the smallest short side
     * @return the candidates, largest area first
     */
    public static List<FrameSize> smallerSizes(ModelSpec model, FrameSize size, int minShortSide) {
        boolean landscape = size.width() >= size.height();
        int shortSide = Math.min(size.width(), size.height());
        double aspect = (double) Math.max(size.width(), size.height()) / shortSide;
        var sizes = new ArrayList<FrameSize>();
        for (int side : SHORT_SIDES) {
            int snapped = Snap.downToMultiple(side, model.sizeMultiple());
            if (snapped >= shortSide || snapped < minShortSide) {
                continue;
            }
            FrameSize candidate = nativeLike(model, snapped, landscape, aspect).orElseGet(() -> {
                int longSide = Snap.toMultiple((int) Math.round(snapped * aspect), model.sizeMultiple());
                return landscape ? new FrameSize(longSide, snapped) : new FrameSize(snapped, longSide);
            });
            if (candidate.area() < size.area() && !sizes.contains(candidate)) {
                sizes.add(candidate);
            }
        }
        return List.copyOf(sizes);
    }

    /**
     * The largest of {@link #smallerSizes} that fits at the request's frame count.
     *
     * @param model        the model
     * @param request      the request
     * @param minShortSide the smallest short side
     * @param budgetBytes  the budget
     * @param correction   factor of at least 1
     * @return the size, or empty if none fits
     */
    public static Optional<FrameSize> largestFittingSize(
            ModelSpec model, GenerationRequest request, int minShortSide, long budgetBytes, double correction) {
        for (FrameSize size : smallerSizes(model, request.size(), minShortSide)) {
            if (fits(model, withSize(request, size), budgetBytes, correction)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }

    /**
     * The request moved to another model: size snapped to its multiple, frames to its rule and maximum.
     *
     * @param request the request
     * @param model   the new model
     * @return the request for that model
     */
    public static GenerationRequest retarget(GenerationRequest request, ModelSpec model) {
        int width = Snap.toMultiple(Math.max(1, request.width()), model.sizeMultiple());
        int height = Snap.toMultiple(Math.max(1, request.height()), model.sizeMultiple());
        int frames = Math.min(model.frameRule().nearest(Math.max(1, request.frames())), model.maxFrames());
        return request.toBuilder().modelId(model.id()).size(width, height).frames(frames).build();
    }

    static GenerationRequest withSize(GenerationRequest request, FrameSize size) {
        return request.toBuilder().size(size.width(), size.height()).build();
    }

    /** A native size with this short side, orientation and (within 5 %) aspect ratio. */
    private static Optional<FrameSize> nativeLike(ModelSpec model, int shortSide, boolean landscape, double aspect) {
        return model.nativeSizes().stream()
                .filter(s -> Math.min(s.width(), s.height()) == shortSide && (s.width() >= s.height()) == landscape)
                .filter(s -> Math.abs((double) Math.max(s.width(), s.height()) / shortSide / aspect - 1) < 0.05)
                .findFirst();
    }
}
