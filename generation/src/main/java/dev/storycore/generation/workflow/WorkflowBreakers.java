package dev.storycore.generation.workflow;

import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.model.Workflow;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitBreakerConfig;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.CircuitState;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One circuit breaker per backend, workflow group and GPU tier, made on first use. A breaker counts
 * only failures that say something about the backend running that kind of work — connection drops,
 * crashes, stalls, sampling and driver failures — and ignores those that belong to one request or one
 * model (out of memory, bad parameters, missing or corrupt weights), which pre-flight, the recovery
 * planner and the model quarantine deal with. Each tier has its own breaker because it sends lighter
 * work: an open primary breaker sends shots to the reduced tier, whose breaker judges on its own.
 *
 * <p>Beside them, one reachability breaker per backend counts only connection failures
 * ({@code BACKEND_UNAVAILABLE}) in a row, whatever the tier: when a server is down, lighter work on it
 * fails the same way, so once it opens every GPU tier on that backend is skipped and shots go straight
 * to the placeholder tier until a probe gets through. Any answer from the server, even an error,
 * counts as reachable. Thread-safe.
 */
final class WorkflowBreakers {

    private final String generator;
    private final CircuitBreakerConfig template;
    private final Clock clock;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    WorkflowBreakers(String generator, CircuitBreakerConfig template, Clock clock) {
        this.generator = generator;
        this.template = template;
        this.clock = clock;
    }

    /** The workflow groups of the issue: text-to-video, image-to-video, upscale, transparent, inpaint. */
    static String group(Workflow workflow) {
        return switch (workflow) {
            case TEXT_TO_VIDEO -> "text-to-video";
            case IMAGE_TO_VIDEO, TEXT_IMAGE_TO_VIDEO -> "image-to-video";
            case UPSCALE -> "upscale";
            case TRANSPARENT_VIDEO -> "transparent";
            case INPAINT -> "inpaint";
        };
    }

    /** Whether a failure of this category counts toward opening a breaker. */
    static boolean counts(GenerationErrorCategory category) {
        return switch (category) {
            case BACKEND_UNAVAILABLE, TIMEOUT, HOST_MEMORY, INFERENCE, HARDWARE_OPTIMIZATION, UNKNOWN -> true;
            case MEMORY_MANAGEMENT, PARAMETER_VALIDATION, TEMPORAL_PROCESSING, CONDITIONING, INTERRUPTED,
                 MODEL_LOADING, ARCHITECTURE, WEIGHTS_DOWNLOAD, WEIGHTS_INTEGRITY -> false;
        };
    }

    /**
     * Connection failures in a row after which a backend counts as unreachable for every tier: enough that
     * chance drops on a healthy server (a quarter of attempts under the harsh chaos profile) almost never
     * reach it, few enough that a dead server costs one shot's worth of attempts.
     */
    static final int UNREACHABLE_AFTER = 8;

    /** The backend's reachability breaker; see the class comment. */
    CircuitBreaker reachability(String backend) {
        String name = generator + "/" + backend + "/reachable";
        return breakers.computeIfAbsent(name, key -> CircuitBreaker.builder(key).failureThreshold(UNREACHABLE_AFTER)
                .successThreshold(1).openDuration(template.openDuration()).clock(clock)
                .recordIf(failure -> failure instanceof AttemptFailure attempt
                        && attempt.error().category() == GenerationErrorCategory.BACKEND_UNAVAILABLE)
                .build());
    }

    CircuitBreaker breaker(String backend, Workflow workflow, Tier tier) {
        String name = generator + "/" + backend + "/" + group(workflow) + "/" + tier.label();
        return breakers.computeIfAbsent(name, key -> template.toBuilder().name(key).clock(clock)
                .ignoreIf(failure -> failure instanceof AttemptFailure attempt && !counts(attempt.error().category()))
                .build());
    }

    /** Every breaker made so far and its state, by name. */
    Map<String, CircuitState> states() {
        var states = new TreeMap<String, CircuitState>();
        breakers.forEach((name, breaker) -> states.put(name, breaker.state()));
        return states;
    }
}
