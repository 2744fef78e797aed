package dev.storycore.generation.recovery;

import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.model.FrameRule;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;

/** Frame-count changes of recovery actions. Pure. */
final class FrameChanges {

    private FrameChanges() {
    }

    static GenerationRequest apply(RecoveryAction action, GenerationRequest r, RecoveryContext context) {
        ModelSpec model = context.modelOf(r);
        FrameRule rule = model.frameRule();
        int frames = Math.max(1, r.frames());
        int target = switch (action) {
            case FIT_FRAMES_TO_MEMORY -> fitToMemory(model, r, context);
            case HALVE_FRAMES -> Math.max(rule.offset(), rule.nearest((frames - 1) / 2 + 1));
            case CLAMP_FRAMES_TO_MAXIMUM -> Math.min(frames, model.maxFrames());
            case SNAP_FRAMES_TO_RULE -> Math.min(rule.nearest(frames), model.maxFrames());
            case USE_MODEL_DEFAULT_FRAMES -> model.defaultFrames();
            default -> throw new IllegalArgumentException("not a frame action: " + action);
        };
        return target == r.frames() ? r : r.toBuilder().frames(target).build();
    }

    /**
     * The most frames that fit the corrected budget, down to {@value FitSearch#FRAMES_FLOOR}; when even
     * that does not fit, the floor (the largest cut this action makes).
     */
    private static int fitToMemory(ModelSpec model, GenerationRequest r, RecoveryContext context) {
        int floor = Math.min(model.frameRule().ceil(FitSearch.FRAMES_FLOOR), model.frameRule().floor(r.frames()));
        var snapped = r.toBuilder().frames(model.frameRule().floor(Math.max(1, r.frames()))).build();
        return FitSearch.largestFittingFrames(model, snapped, floor, context.budgetBytes(), context.correction())
                .orElse(floor);
    }
}
