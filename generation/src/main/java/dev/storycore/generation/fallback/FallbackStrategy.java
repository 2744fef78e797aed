package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;

/**
 * One way to get a failed generation going again, as {@link FallbackHandler#strategies} proposes it
 * for a failed pipeline and a classified error. Immutable; Jackson serializes it as it is.
 *
 * @param type               the kind of fallback
 * @param summary            what it does, one line naming the model, component or settings
 * @param steps              how to carry it out, in order
 * @param limitations        what to expect afterwards: features lost, slower runs, quality cost
 * @param successProbability the chance it gets the job through, in [0, 1] (the priors are in
 *                           {@code docs/model-folders.md})
 * @param resources          what it takes
 * @param automatic          true when {@link FallbackHandler#execute} carries it out (a changed
 *                           request, a chosen model, a found replacement); false when it can only
 *                           produce steps for a person (download, install, copy files)
 */
public record FallbackStrategy(FallbackStrategyType type, String summary, List<String> steps,
                               List<String> limitations, double successProbability, ResourceRequirements resources,
                               boolean automatic) {

    /** Checks that nothing is null and the probability is in [0, 1]; copies the lists. */
    public FallbackStrategy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
        limitations = List.copyOf(limitations);
        if (!(successProbability >= 0 && successProbability <= 1)) {
            throw new IllegalArgumentException("successProbability must be in [0, 1], was " + successProbability);
        }
        Objects.requireNonNull(resources, "resources");
    }

    /**
     * This strategy as indented JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.toPrettyJson(this);
    }
}
