package dev.storycore.generation.fallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.storycore.generation.request.GenerationRequest;
import java.util.List;
import java.util.Objects;

/**
 * What executing a fallback strategy produced. Each variant is an immutable record; Jackson writes the
 * variant as {@code result} ({@code MODEL_SWITCH}, {@code REQUEST_CHANGE}, {@code COMPONENT_SWAP},
 * {@code LOCAL_COPY}, {@code HUMAN_STEPS}, {@code NOT_POSSIBLE}) next to {@code strategy},
 * {@code success}, {@code needsHuman}, {@code reason}, {@code steps} and the variant's own fields.
 *
 * <p>Nothing on disk is changed by any of them: a changed request is to be resubmitted, a replacement
 * or local copy to be loaded instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "result")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FallbackResult.ModelSwitch.class, name = "MODEL_SWITCH"),
    @JsonSubTypes.Type(value = FallbackResult.RequestChange.class, name = "REQUEST_CHANGE"),
    @JsonSubTypes.Type(value = FallbackResult.ComponentSwap.class, name = "COMPONENT_SWAP"),
    @JsonSubTypes.Type(value = FallbackResult.LocalCopy.class, name = "LOCAL_COPY"),
    @JsonSubTypes.Type(value = FallbackResult.HumanSteps.class, name = "HUMAN_STEPS"),
    @JsonSubTypes.Type(value = FallbackResult.NotPossible.class, name = "NOT_POSSIBLE")})
public sealed interface FallbackResult {

    /** @return the strategy executed */
    FallbackStrategyType strategy();

    /** @return why this is the result, one line */
    String reason();

    /** @return what was done or is to be done, in order */
    List<String> steps();

    /**
     * Whether the strategy produced something to run with: a model, a request that fits, replacements
     * for every broken component, a usable copy.
     *
     * @return true on success
     */
    @JsonProperty("success")
    boolean success();

    /**
     * Whether a person must act before anything can run again.
     *
     * @return true for {@link HumanSteps}
     */
    @JsonProperty("needsHuman")
    default boolean needsHuman() {
        return this instanceof HumanSteps;
    }

    /**
     * This result as indented JSON.
     *
     * @return the JSON text
     */
    default String toJson() {
        return Json.toPrettyJson(this);
    }

    /**
     * Another model was chosen.
     *
     * @param strategy  the strategy executed
     * @param modelId   the substitute model
     * @param localPath where a usable copy is, or empty when its weights must be fetched
     * @param request   the request moved to it, with the settings that fit
     * @param peakGb    its estimated peak
     * @param fits      whether that fits the budget
     * @param steps     what to do
     * @param reason    why this model
     */
    record ModelSwitch(FallbackStrategyType strategy, String modelId, String localPath, GenerationRequest request,
                       double peakGb, boolean fits, List<String> steps, String reason) implements FallbackResult {

        /** Checks that nothing is null and copies the steps. */
        public ModelSwitch {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(localPath, "localPath");
            Objects.requireNonNull(request, "request");
            steps = List.copyOf(steps);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean success() {
            return fits;
        }
    }

    /**
     * The request was changed, keeping the model.
     *
     * @param strategy the strategy executed
     * @param request  the changed request, to resubmit
     * @param peakGb   its estimated peak (corrected by what an out-of-memory report showed)
     * @param fits     whether that fits the budget
     * @param steps    the changes, one per line
     * @param reason   why these changes
     */
    record RequestChange(FallbackStrategyType strategy, GenerationRequest request, double peakGb, boolean fits,
                         List<String> steps, String reason) implements FallbackResult {

        /** Checks that nothing is null and copies the steps. */
        public RequestChange {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(request, "request");
            steps = List.copyOf(steps);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean success() {
            return fits;
        }
    }

    /**
     * Healthy replacements were found for broken components.
     *
     * @param strategy     the strategy executed
     * @param replacements one per component that has one
     * @param unresolved   the broken components without a replacement
     * @param steps        what to load instead
     * @param reason       the summary
     */
    record ComponentSwap(FallbackStrategyType strategy, List<ComponentReplacement> replacements,
                         List<String> unresolved, List<String> steps, String reason) implements FallbackResult {

        /** Checks that nothing is null and copies the lists. */
        public ComponentSwap {
            Objects.requireNonNull(strategy, "strategy");
            replacements = List.copyOf(replacements);
            unresolved = List.copyOf(unresolved);
            steps = List.copyOf(steps);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean success() {
            return !replacements.isEmpty() && unresolved.isEmpty();
        }
    }

    /**
     * Another usable copy of the same model was found.
     *
     * @param strategy the strategy executed
     * @param modelId  the model
     * @param path     the copy: a folder, or the diffusion file of a ComfyUI set
     * @param layout   how the copy is stored
     * @param steps    how to load it
     * @param reason   the summary
     */
    record LocalCopy(FallbackStrategyType strategy, String modelId, String path, ModelLayout layout,
                     List<String> steps, String reason) implements FallbackResult {

        /** Checks that nothing is null and copies the steps. */
        public LocalCopy {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(layout, "layout");
            steps = List.copyOf(steps);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean success() {
            return true;
        }
    }

    /**
     * Nothing could be done automatically; these are the steps for a person (download, copy, install).
     *
     * @param strategy the strategy executed
     * @param steps    what the person should do
     * @param reason   why it needs a person
     */
    record HumanSteps(FallbackStrategyType strategy, List<String> steps, String reason) implements FallbackResult {

        /** Checks that nothing is null and copies the steps. */
        public HumanSteps {
            Objects.requireNonNull(strategy, "strategy");
            steps = List.copyOf(steps);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean success() {
            return false;
        }
    }

    /**
     * The strategy does not apply here.
     *
     * @param strategy the strategy executed
     * @param reason   why not
     */
    record NotPossible(FallbackStrategyType strategy, String reason) implements FallbackResult {

        /** Checks that nothing is null. */
        public NotPossible {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        @JsonProperty("steps")
        public List<String> steps() {
            return List.of();
        }

        @Override
        public boolean success() {
            return false;
        }
    }
}
