package dev.storycore.generation.recovery;

import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Model switches of recovery actions. Pure; the request is snapped to the new model's rules. */
final class ModelChanges {

    private ModelChanges() {
    }

    static GenerationRequest apply(RecoveryAction action, GenerationRequest r, RecoveryContext context) {
        ModelSpec current = context.modelOf(r);
        Optional<ModelSpec> target = switch (action) {
            case SWITCH_TO_LIGHTER_MODEL -> lighter(current, r, context);
            case SWITCH_TO_ALTERNATIVE_MODEL -> alternative(current, r.workflow(), context);
            case SWITCH_TO_TEXT_TO_VIDEO -> textToVideo(current, r, context);
            default -> throw new IllegalArgumentException("not a model action: " + action);
        };
        if (target.isEmpty()) {
            return r;
        }
        GenerationRequest moved = action == RecoveryAction.SWITCH_TO_TEXT_TO_VIDEO
                ? r.toBuilder().workflow(Workflow.TEXT_TO_VIDEO).inputImage("").build() : r;
        return target.get().id().equals(current.id()) ? moved : FitSearch.retarget(moved, target.get());
    }

    /** The heaviest lighter model (same family first) whose estimate fits; else the lightest of them. */
    private static Optional<ModelSpec> lighter(ModelSpec current, GenerationRequest r, RecoveryContext context) {
        List<ModelSpec> lighter = context.models().supporting(r.workflow()).stream()
                .filter(m -> m.activeParametersBillions() < current.activeParametersBillions())
                .sorted(sameFamilyFirst(current)
                        .thenComparing(ModelSpec::activeParametersBillions, Comparator.reverseOrder()))
                .toList();
        return lighter.stream()
                .filter(m -> FitSearch.fits(m, FitSearch.retarget(r, m), context.budgetBytes(), context.correction()))
                .findFirst()
                .or(() -> lighter.stream().min(Comparator.comparingDouble(ModelSpec::activeParametersBillions)));
    }

    /** Another model for the workflow: same family first, then the closest in size. */
    private static Optional<ModelSpec> alternative(ModelSpec current, Workflow workflow, RecoveryContext context) {
        return context.models().supporting(workflow).stream()
                .filter(m -> !m.id().equals(current.id()))
                .min(sameFamilyFirst(current).thenComparingDouble(
                        m -> Math.abs(m.activeParametersBillions() - current.activeParametersBillions())));
    }

    /** Only for image workflows with a prompt: the model itself if it does text-to-video, else the closest. */
    private static Optional<ModelSpec> textToVideo(ModelSpec current, GenerationRequest r, RecoveryContext context) {
        boolean fromImage = r.workflow() == Workflow.IMAGE_TO_VIDEO || r.workflow() == Workflow.TEXT_IMAGE_TO_VIDEO;
        if (!fromImage || r.prompt().isBlank()) {
            return Optional.empty();
        }
        if (current.supports(Workflow.TEXT_TO_VIDEO)) {
            return Optional.of(current);
        }
        return alternative(current, Workflow.TEXT_TO_VIDEO, context);
    }

    private static Comparator<ModelSpec> sameFamilyFirst(ModelSpec current) {
        return Comparator.comparing((ModelSpec m) -> m.family() != current.family());
    }
}
