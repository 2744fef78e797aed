package dev.storycore.generation.recovery;

import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Snap;
import java.util.Comparator;
import java.util.List;

/** Frame-size changes of recovery actions. Pure; aspect ratio and orientation are kept. */
final class SizeChanges {

    private static final int SHORT_SIDE_480P = 480;

    private SizeChanges() {
    }

    static GenerationRequest apply(RecoveryAction action, GenerationRequest r, RecoveryContext context) {
        if (r.width() < 1 || r.height() < 1) {
            return r;
        }
        ModelSpec model = context.modelOf(r);
        FrameSize size = switch (action) {
            case FIT_RESOLUTION_TO_MEMORY -> FitSearch.largestFittingSize(model, r, FitSearch.RESOLUTION_FLOOR,
                    context.budgetBytes(), context.correction()).orElseGet(() -> last(smaller(model, r,
                    FitSearch.RESOLUTION_FLOOR), r.size()));
            case LOWER_RESOLUTION_STEP -> smaller(model, r, FitSearch.RESOLUTION_FLOOR).stream().findFirst()
                    .orElse(r.size());
            case DROP_TO_480P -> last(smaller(model, r, SHORT_SIDE_480P), r.size());
            case SNAP_SIZE_TO_MULTIPLE -> new FrameSize(Snap.toMultiple(r.width(), model.sizeMultiple()),
                    Snap.toMultiple(r.height(), model.sizeMultiple()));
            case USE_NATIVE_SIZE -> nearestNative(model, r.size());
            default -> throw new IllegalArgumentException("not a size action: " + action);
        };
        return size.equals(r.size()) ? r : r.toBuilder().size(size.width(), size.height()).build();
    }

    /**
     * The native size closest in aspect ratio with the same orientation, preferring ones no larger than
     * the request so the change does not raise memory.
     */
    private static FrameSize nearestNative(ModelSpec model, FrameSize size) {
        double aspect = (double) size.width() / size.height();
        Comparator<FrameSize> byAspect = Comparator.comparingDouble(s -> Math.abs(Math.log((double) s.width()
                / s.height() / aspect)));
        return model.nativeSizes().stream()
                .sorted(Comparator.comparing((FrameSize s) -> s.area() > size.area()).thenComparing(byAspect))
                .findFirst().orElse(size);
    }

    private static List<FrameSize> smaller(ModelSpec model, GenerationRequest r, int minShortSide) {
        return FitSearch.smallerSizes(model, r.size(), minShortSide);
    }

    private static FrameSize last(List<FrameSize> sizes, FrameSize fallback) {
        return sizes.isEmpty() ? fallback : sizes.get(sizes.size() - 1);
    }
}
