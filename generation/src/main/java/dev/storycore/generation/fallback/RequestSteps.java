package dev.storycore.generation.fallback;

import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.recovery.RecoveryContext;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recovery actions applied one after another to a request, each kept only when it changes something
 * (and, for memory, only when it lowers the corrected estimate), with a line per change. Not
 * thread-safe; one instance per execution.
 */
final class RequestSteps {

    private final FallbackContext context;
    private final RecoveryContext recovery;
    private final GenerationRequest original;
    private final List<String> steps = new ArrayList<>();
    private final List<RecoveryAction> applied = new ArrayList<>();
    private GenerationRequest current;

    RequestSteps(FallbackContext context) {
        this.context = context;
        this.recovery = context.recovery().orElseThrow();
        this.original = context.request().orElseThrow();
        this.current = original;
    }

    /** Applies the action if it changes the request; returns whether it did. */
    boolean apply(RecoveryAction action) {
        GenerationRequest next = action.apply(current, recovery);
        if (next.equals(current)) {
            return false;
        }
        steps.add(capitalised(action.description()) + ": " + describe(current, next) + ".");
        applied.add(action);
        current = next;
        return true;
    }

    /** Applies the action only if it lowers the corrected estimate. */
    boolean applyIfLower(RecoveryAction action) {
        GenerationRequest next = action.apply(current, recovery);
        if (next.equals(current) || context.peak(next) >= context.peak(current)) {
            return false;
        }
        return apply(action);
    }

    /** Applies the action only if the result still fits the budget. */
    boolean applyIfFits(RecoveryAction action) {
        GenerationRequest next = action.apply(current, recovery);
        return context.peak(next) <= context.budgetBytes() && apply(action);
    }

    /** Replaces the request wholesale, e.g. with a pre-flight plan's result, with the steps that made it. */
    void replace(GenerationRequest next, List<String> how) {
        steps.addAll(how);
        current = next;
    }

    /** Records a step the backend or a person carries out, which leaves the request as it is. */
    void note(String step) {
        steps.add(step);
    }

    boolean fits() {
        return context.peak(current) <= context.budgetBytes();
    }

    GenerationRequest original() {
        return original;
    }

    GenerationRequest request() {
        return current;
    }

    boolean changed() {
        return !current.equals(original);
    }

    List<String> steps() {
        return List.copyOf(steps);
    }

    List<RecoveryAction> applied() {
        return List.copyOf(applied);
    }

    double peakGb() {
        return ResourceNeeds.round(dev.storycore.generation.hardware.GpuProfile.gigabytes(context.peak(current)));
    }

    /** What changed between two requests, e.g. {@code precision BF16 -> FP8, frames 129 -> 77}. */
    static String describe(GenerationRequest before, GenerationRequest after) {
        List<String> changes = new ArrayList<>();
        change(changes, "model", before.modelId(), after.modelId());
        change(changes, "workflow", before.workflow(), after.workflow());
        change(changes, "precision", before.precision(), after.precision());
        change(changes, "offload", before.offload(), after.offload());
        change(changes, "VAE tiling", tiling(before), tiling(after));
        change(changes, "text encoder on CPU", before.textEncoderOnCpu(), after.textEncoderOnCpu());
        change(changes, "size", before.size(), after.size());
        change(changes, "frames", before.frames(), after.frames());
        change(changes, "steps", before.steps(), after.steps());
        change(changes, "batch", before.batchSize(), after.batchSize());
        change(changes, "input image", before.inputImage().isEmpty() ? "none" : "given",
                after.inputImage().isEmpty() ? "none" : "given");
        if (!before.prompt().equals(after.prompt())) {
            changes.add("prompt shortened to " + after.prompt().length() + " characters");
        }
        return changes.isEmpty() ? "other settings" : String.join(", ", changes);
    }

    private static String tiling(GenerationRequest request) {
        return request.vaeTiling() ? request.vaeTileSize() + " px" : "off";
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + before + " -> " + after);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
