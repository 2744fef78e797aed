package dev.storycore.generation.memory;

import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One pre-flight search on one model. Implementation notes: memory settings are tried in
 * {@link PlanAction} order and kept only when they lower the estimate; then frames are cut (never
 * below half), then resolution, after which frames are raised again as far as the smaller frame
 * allows. Finally each memory setting is dropped again if the result still fits without it, so the
 * plan holds only what it needs. Changes are replayed from the original to report each step's peak.
 */
final class PreflightSearch {

    /** One change of a plan: which action, and the function that makes it. */
    record Change(PlanAction action, UnaryOperator<GenerationRequest> apply) {
    }

    /** The outcome on one model. */
    record Attempt(List<Change> changes, GenerationRequest result, boolean fits) {
    }

    private final ModelSpec model;
    private final long budget;
    private final double correction;

    PreflightSearch(ModelSpec model, long budget, double correction) {
        this.model = model;
        this.budget = budget;
        this.correction = correction;
    }

    Attempt run(GenerationRequest request, boolean allowCuts) {
        var changes = new ArrayList<Change>();
        GenerationRequest current = request;
        for (Change knob : knobs()) {
            if (fits(current)) {
                break;
            }
            GenerationRequest next = knob.apply().apply(current);
            if (!next.equals(current) && peak(next) < peak(current)) {
                changes.add(knob);
                current = next;
            }
        }
        if (!fits(current) && allowCuts) {
            cut(request, changes);
        }
        GenerationRequest result = replay(request, changes);
        if (fits(result)) {
            prune(request, changes);
            result = replay(request, changes);
        }
        return new Attempt(List.copyOf(changes), result, fits(result));
    }

    long peak(GenerationRequest request) {
        return FitSearch.peak(model, request, correction);
    }

    static GenerationRequest replay(GenerationRequest original, List<Change> changes) {
        GenerationRequest current = original;
        for (Change change : changes) {
            current = change.apply().apply(current);
        }
        return current;
    }

    private boolean fits(GenerationRequest request) {
        return peak(request) <= budget;
    }

    private void cut(GenerationRequest original, List<Change> changes) {
        GenerationRequest current = replay(original, changes);
        int minFrames = FitSearch.minimumFrames(model, original.frames());
        int frames = FitSearch.largestFittingFrames(model, current, minFrames, budget, correction).orElse(minFrames);
        if (frames < current.frames()) {
            current = current.toBuilder().frames(frames).build();
        }
        FrameSize size = current.size();
        if (!fits(current)) {
            List<FrameSize> smaller = FitSearch.smallerSizes(model, current.size(), FitSearch.RESOLUTION_FLOOR);
            size = FitSearch.largestFittingSize(model, current, FitSearch.RESOLUTION_FLOOR, budget, correction)
                    .orElse(smaller.isEmpty() ? current.size() : smaller.get(smaller.size() - 1));
            // A smaller frame may leave room for frames cut a moment ago.
            GenerationRequest trial = replay(FitSearch.withSize(original, size), changes);
            frames = FitSearch.largestFittingFrames(model, trial, minFrames, budget, correction).orElse(minFrames);
        }
        if (frames < original.frames()) {
            int target = frames;
            changes.add(new Change(PlanAction.FEWER_FRAMES, r -> r.toBuilder().frames(target).build()));
        }
        if (!size.equals(original.size())) {
            FrameSize target = size;
            changes.add(new Change(PlanAction.LOWER_RESOLUTION, r -> FitSearch.withSize(r, target)));
        }
    }

    private void prune(GenerationRequest original, List<Change> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).action().cut()) {
                continue;
            }
            var without = new ArrayList<>(changes);
            without.remove(i);
            if (fits(replay(original, without))) {
                changes.remove(i);
            }
        }
    }

    private static List<Change> knobs() {
        return List.of(
                new Change(PlanAction.ENABLE_VAE_TILING, r -> r.toBuilder().vaeTiling(true).build()),
                new Change(PlanAction.TEXT_ENCODER_ON_CPU, r -> r.toBuilder().textEncoderOnCpu(true).build()),
                new Change(PlanAction.FP8_WEIGHTS, r -> r.toBuilder().precision(Precision.FP8).build()),
                new Change(PlanAction.MODEL_OFFLOAD,
                        r -> r.offload() == Offload.NONE ? r.toBuilder().offload(Offload.MODEL).build() : r),
                new Change(PlanAction.SEQUENTIAL_OFFLOAD, r -> r.toBuilder().offload(Offload.SEQUENTIAL).build()));
    }
}
