package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happened to one shot so far: the requests tried, warnings, errors, recoveries, attempts and GPU
 * time. Confined to the thread generating the shot.
 */
final class ShotRun {

    private static final System.Logger LOG = System.getLogger(ShotRun.class.getName());

    private final ShotRequest shot;
    private final Consumer<? super ShotEvent> listener;
    private final List<String> warnings = new ArrayList<>();
    private final List<ShotError> errors = new ArrayList<>();
    private final List<AppliedRecovery> recoveries = new ArrayList<>();
    private GenerationRequest base;
    private GenerationRequest lastRequest;
    private Tier lastTier = Tier.PRIMARY;
    private int attempts;
    private double gpuSeconds;
    private double wastedGpuSeconds;

    ShotRun(ShotRequest shot, Consumer<? super ShotEvent> listener) {
        this.shot = shot;
        this.listener = listener;
        this.base = shot.request();
        this.lastRequest = shot.request();
    }

    ShotRequest shot() {
        return shot;
    }

    String shotId() {
        return shot.shotId();
    }

    /** The request every tier starts from: validated, scaled to the degradation level. */
    GenerationRequest base() {
        return base;
    }

    void base(GenerationRequest request) {
        base = request;
        lastRequest = request;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Warns about the change between two requests, if there is one. */
    void warnChange(String why, GenerationRequest before, GenerationRequest after) {
        String change = Changes.describe(before, after);
        if (!change.isEmpty()) {
            warn(why + ": " + change);
        }
    }

    void emit(ShotEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "shot listener failed; ignored", e);
        }
    }

    void tierStarted(Tier tier) {
        lastTier = tier;
        emit(new ShotEvent.TierStarted(shotId(), tier));
    }

    int startAttempt(GenerationRequest request) {
        lastRequest = request;
        return ++attempts;
    }

    void succeeded(GenerationResult result) {
        gpuSeconds += result.gpuSeconds();
    }

    void failed(ShotError error) {
        errors.add(error);
        gpuSeconds += error.gpuSeconds();
        wastedGpuSeconds += error.gpuSeconds();
        emit(new ShotEvent.AttemptFailed(shotId(), error));
    }

    void recovered(AppliedRecovery recovery) {
        recoveries.add(recovery);
        warn("recovery after " + recovery.errorCode() + " (" + recovery.tier().label() + "): "
                + recovery.action().description() + " — " + recovery.change());
        emit(new ShotEvent.RecoveryApplied(shotId(), recovery));
    }

    List<ShotError> errors() {
        return List.copyOf(errors);
    }

    int attempts() {
        return attempts;
    }

    ShotResult delivered(Tier tier, GenerationResult result, ModelRegistry models) {
        QualityScore score = QualityScore.of(tier, shot.request(), result.request(), models);
        ShotStatus status = tier.gpu() ? ShotStatus.DELIVERED : ShotStatus.PLACEHOLDER;
        return new ShotResult(shotId(), status, tier, result.backend(), shot.request(), result.request(),
                score.value(), warnings, attempts, recoveries, errors, result.outputs(), result.preview(),
                gpuSeconds, wastedGpuSeconds, result.notes());
    }

    ShotResult ended(ShotStatus status) {
        return new ShotResult(shotId(), status, lastTier, "", shot.request(), lastRequest, 0.0, warnings, attempts,
                recoveries, errors, List.of(), false, gpuSeconds, wastedGpuSeconds, List.of());
    }
}
