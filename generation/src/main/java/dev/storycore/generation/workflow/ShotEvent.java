package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;

/**
 * What happens to a shot while a {@link ResilientVideoGenerator} works on it, for progress displays
 * and logs. Delivered on the generating thread, in order; a listener must be quick and must not throw
 * (one that throws is logged and ignored).
 */
public sealed interface ShotEvent {

    /** @return the shot the event is about */
    String shotId();

    /**
     * A tier starts.
     *
     * @param shotId the shot
     * @param tier   the tier
     */
    record TierStarted(String shotId, Tier tier) implements ShotEvent {
        /** Checks that nothing is null. */
        public TierStarted {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(tier, "tier");
        }
    }

    /**
     * A job is submitted to a backend.
     *
     * @param shotId  the shot
     * @param tier    the tier
     * @param attempt the attempt's number within the shot, from 1
     * @param jobId   the job's id
     * @param request what is submitted
     */
    record AttemptStarted(String shotId, Tier tier, int attempt, String jobId, GenerationRequest request)
            implements ShotEvent {
        /** Checks that nothing is null. */
        public AttemptStarted {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A running job moved on.
     *
     * @param shotId   the shot
     * @param tier     the tier
     * @param progress what the backend reported
     */
    record Progress(String shotId, Tier tier, JobProgress progress) implements ShotEvent {
        /** Checks that nothing is null. */
        public Progress {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * An attempt failed.
     *
     * @param shotId the shot
     * @param error  the classified failure
     */
    record AttemptFailed(String shotId, ShotError error) implements ShotEvent {
        /** Checks that nothing is null. */
        public AttemptFailed {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A recovery action was carried out before the next attempt.
     *
     * @param shotId   the shot
     * @param recovery what was done
     */
    record RecoveryApplied(String shotId, AppliedRecovery recovery) implements ShotEvent {
        /** Checks that nothing is null. */
        public RecoveryApplied {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(recovery, "recovery");
        }
    }

    /**
     * The shot ended.
     *
     * @param shotId the shot
     * @param result how it ended
     */
    record Finished(String shotId, ShotResult result) implements ShotEvent {
        /** Checks that nothing is null. */
        public Finished {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(result, "result");
        }
    }
}
