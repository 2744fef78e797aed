package dev.storycore.generation.workflow;

import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelFamily;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import dev.storycore.resilience.degradation.AdjustedSettings;
import dev.storycore.resilience.degradation.DegradationLevel;
import dev.storycore.resilience.degradation.QualitySettings;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The request shapes of the tiers and of graceful degradation, as pure functions:
 * <ul>
 *   <li>reduced: one resolution step down the ladder 1080 → 720 → 480 → 352 short side (720p goes
 *       straight to 480p; 540p goes to 480p), {@value #REDUCED_FACTOR} of the steps and frames, FP8;
 *   <li>minimal: the lightest usable model for the workflow, a short side of at most
 *       {@value #MINIMAL_SHORT_SIDE}, half the frames (at least 17) and half the steps (at least
 *       {@value #MINIMAL_STEPS});
 *   <li>a degradation level: {@link DegradationLevel#adjust} on the resolution ladder of
 *       {@link QualitySettings}, steps and frames.
 * </ul>
 * Frame counts keep the model's rule. Stateless and thread-safe.
 */
final class TierRequests {

    static final double REDUCED_FACTOR = 0.75;
    static final int MINIMAL_SHORT_SIDE = 352;
    static final int MINIMAL_STEPS = 8;

    private static final int[] LADDER = {1080, 720, 544, 480, 352};

    private final ModelRegistry models;
    private final Set<ModelFamily> preferredFamilies;

    TierRequests(ModelRegistry models, Set<ModelFamily> preferredFamilies) {
        this.models = models;
        this.preferredFamilies = preferredFamilies;
    }

    GenerationRequest reduced(GenerationRequest request) {
        ModelSpec model = models.require(request.modelId());
        int shortSide = shortSide(request.size());
        int target = shortSide >= 720 ? 480 : rungBelow(shortSide);
        FrameSize size = sizeAtMost(model, request.size(), target);
        int frames = scaleFrames(model, request.frames(), REDUCED_FACTOR);
        int steps = (int) Math.max(1, Math.round(request.steps() * REDUCED_FACTOR));
        return request.toBuilder().size(size.width(), size.height()).frames(frames).steps(steps)
                .precision(Precision.FP8).build();
    }

    Optional<GenerationRequest> minimal(GenerationRequest request, Predicate<String> usable) {
        return lightest(request, usable).map(model -> {
            GenerationRequest moved = FitSearch.retarget(request, model);
            FrameSize size = sizeAtMost(model, moved.size(), MINIMAL_SHORT_SIDE);
            int frames = scaleFrames(model, moved.frames(), 0.5);
            int steps = Math.min(moved.steps(), Math.max(MINIMAL_STEPS, moved.steps() / 2));
            return moved.toBuilder().size(size.width(), size.height()).frames(frames).steps(steps).build();
        });
    }

    GenerationRequest degraded(GenerationRequest request, DegradationLevel level) {
        if (level == DegradationLevel.FULL) {
            return request;
        }
        ModelSpec model = models.require(request.modelId());
        var full = new QualitySettings(label(shortSide(request.size())), request.steps(), request.frames());
        AdjustedSettings adjusted = level.adjust(full);
        int target = LADDER[QualitySettings.RESOLUTIONS.indexOf(adjusted.resolution())];
        FrameSize size = sizeAtMost(model, request.size(), target);
        int frames = Math.min(model.maxFrames(), model.frameRule().nearest(adjusted.frames()));
        return request.toBuilder().size(size.width(), size.height()).frames(frames)
                .steps(adjusted.inferenceSteps()).build();
    }

    /** Another usable model for the workflow: preferred families first, then the closest in size. */
    Optional<ModelSpec> alternative(GenerationRequest request, Predicate<String> usable) {
        double active = models.find(request.modelId()).map(ModelSpec::activeParametersBillions).orElse(1.0);
        return candidates(request, usable).stream()
                .min(Comparator.comparing((ModelSpec m) -> !preferredFamilies.contains(m.family()))
                        .thenComparingDouble(m -> Math.abs(Math.log(m.activeParametersBillions() / active))));
    }

    private Optional<ModelSpec> lightest(GenerationRequest request, Predicate<String> usable) {
        return candidates(request, usable).stream()
                .min(Comparator.comparingDouble(ModelSpec::activeParametersBillions)
                        .thenComparing(m -> !preferredFamilies.contains(m.family())));
    }

    private List<ModelSpec> candidates(GenerationRequest request, Predicate<String> usable) {
        return models.supporting(request.workflow()).stream().filter(m -> usable.test(m.id())).toList();
    }

    static FrameSize sizeAtMost(ModelSpec model, FrameSize size, int shortSide) {
        if (shortSide(size) <= shortSide) {
            return size;
        }
        return FitSearch.smallerSizes(model, size, 1).stream().filter(s -> shortSide(s) <= shortSide)
                .findFirst().orElse(size);
    }

    private static int scaleFrames(ModelSpec model, int frames, double factor) {
        int floor = Math.min(frames, model.frameRule().ceil(FitSearch.FRAMES_FLOOR));
        int scaled = model.frameRule().nearest((int) Math.round(frames * factor));
        return Math.min(model.maxFrames(), Math.max(model.frameRule().ceil(floor), scaled));
    }

    private static int rungBelow(int shortSide) {
        for (int rung : LADDER) {
            if (rung < shortSide) {
                return rung;
            }
        }
        return shortSide;
    }

    private static String label(int shortSide) {
        for (int i = 0; i < LADDER.length - 1; i++) {
            if (shortSide >= LADDER[i] - 16) {
                return QualitySettings.RESOLUTIONS.get(i);
            }
        }
        return QualitySettings.RESOLUTIONS.get(LADDER.length - 1);
    }

    static int shortSide(FrameSize size) {
        return Math.min(size.width(), size.height());
    }
}
