package dev.storycore.generation.workflow;

import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one shot ended: what was delivered, from which tier, at what quality, and everything that went
 * wrong or was changed on the way.
 *
 * @param shotId           the shot
 * @param status           delivered, placeholder, failed or interrupted
 * @param tier             the tier that delivered; for a failed or interrupted shot, the last tier tried
 * @param backend          the backend that delivered; empty when nothing was delivered
 * @param requested        the request as given
 * @param delivered        the parameters actually used; for a failed shot, those of the last attempt
 * @param qualityScore     1.0 for the shot as requested, less for every cut (see {@link QualityScore});
 *                         0 when nothing was delivered
 * @param warnings         one line for every change made to the request and every fallback, in order
 * @param attempts         backend submissions made for the shot, every tier together
 * @param recoveries       the recovery actions carried out
 * @param errors           every failed attempt, classified
 * @param outputs          the files written, main video first; empty when nothing was delivered
 * @param preview          whether the video was written at a reduced preview scale
 * @param gpuSeconds       GPU time spent on the shot, failed attempts included
 * @param wastedGpuSeconds GPU time spent on attempts that failed
 * @param notes            what the delivering backend wanted said, e.g. "simulated output"
 */
public record ShotResult(
        String shotId,
        ShotStatus status,
        Tier tier,
        String backend,
        GenerationRequest requested,
        GenerationRequest delivered,
        double qualityScore,
        List<String> warnings,
        int attempts,
        List<AppliedRecovery> recoveries,
        List<ShotError> errors,
        List<Path> outputs,
        boolean preview,
        double gpuSeconds,
        double wastedGpuSeconds,
        List<String> notes) {

    /** Checks that nothing is null and copies the lists. */
    public ShotResult {
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(delivered, "delivered");
        warnings = List.copyOf(warnings);
        recoveries = List.copyOf(recoveries);
        errors = List.copyOf(errors);
        outputs = List.copyOf(outputs);
        notes = List.copyOf(notes);
    }

    /**
     * Whether something was delivered, from a GPU tier or as a placeholder.
     *
     * @return {@code true} for {@link ShotStatus#DELIVERED} and {@link ShotStatus#PLACEHOLDER}
     */
    public boolean deliveredSomething() {
        return status == ShotStatus.DELIVERED || status == ShotStatus.PLACEHOLDER;
    }

    /**
     * Whether a GPU tier delivered the shot.
     *
     * @return {@code true} for {@link ShotStatus#DELIVERED}
     */
    public boolean fromGpuTier() {
        return status == ShotStatus.DELIVERED;
    }
}
