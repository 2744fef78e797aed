package dev.storycore.cli;

import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.workflow.AppliedRecovery;
import dev.storycore.generation.workflow.ShotError;
import dev.storycore.generation.workflow.ShotResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One shot in {@code report.json} (docs/storyboard.md lists every field). Built from a generator's
 * {@link ShotResult}, or for a shot that never ran, from its request alone.
 */
record ShotReport(
        String id,
        String status,
        String tier,
        String backend,
        String workflow,
        String model,
        String prompt,
        Map<String, Object> requested,
        Map<String, Object> parameters,
        double qualityScore,
        List<String> warnings,
        int attempts,
        List<Map<String, Object>> recoveries,
        List<Map<String, Object>> errors,
        List<String> outputs,
        boolean preview,
        double gpuSeconds,
        double wastedGpuSeconds,
        List<String> notes) {

    /** The status of a shot the run never started. */
    static final String NOT_RUN = "NOT_RUN";
    /** The status of a shot that was running when the run was interrupted. */
    static final String INTERRUPTED = "INTERRUPTED";

    /**
     * The report of a shot that ran to an end.
     *
     * @param shot      the storyboard's shot, whose adjustments lead the warnings
     * @param result    what the generators made of it
     * @param outputDir the run's output folder, which output paths are relative to
     */
    static ShotReport of(Storyboard.Shot shot, ShotResult result, Path outputDir) {
        List<String> warnings = new ArrayList<>(adjusted(shot));
        warnings.addAll(result.warnings());
        return new ShotReport(result.shotId(), result.status().name(), result.tier().label(), result.backend(),
                result.requested().workflow().name(), result.delivered().modelId(), result.requested().prompt(),
                parameters(result.requested()), parameters(result.delivered()), result.qualityScore(),
                warnings, result.attempts(), result.recoveries().stream().map(ShotReport::recovery).toList(),
                result.errors().stream().map(ShotReport::error).toList(),
                result.outputs().stream().map(p -> relative(outputDir, p)).toList(), result.preview(),
                round(result.gpuSeconds()), round(result.wastedGpuSeconds()), result.notes());
    }

    static ShotReport unfinished(Storyboard.Shot shot, String status) {
        GenerationRequest request = shot.request();
        return new ShotReport(shot.id(), status, "", "", request.workflow().name(), request.modelId(),
                request.prompt(), parameters(request), parameters(request), 0.0, adjusted(shot), 0, List.of(),
                List.of(), List.of(), false, 0.0, 0.0, List.of());
    }

    static ShotReport crashed(Storyboard.Shot shot, String failure) {
        ShotReport unfinished = unfinished(shot, "FAILED");
        return new ShotReport(shot.id(), "FAILED", "", "", unfinished.workflow(), unfinished.model(),
                unfinished.prompt(), unfinished.requested(), unfinished.parameters(), 0.0,
                List.of("internal error: " + failure), 0, List.of(), List.of(), List.of(), false, 0.0, 0.0, List.of());
    }

    /** The shot's storyboard adjustments, worded as warnings. */
    static List<String> adjusted(Storyboard.Shot shot) {
        return shot.adjustments().stream().map(a -> "validation: " + a).toList();
    }

    static Map<String, Object> parameters(GenerationRequest request) {
        var map = new LinkedHashMap<String, Object>();
        map.put("model", request.modelId());
        map.put("size", request.width() + "x" + request.height());
        map.put("frames", request.frames());
        map.put("steps", request.steps());
        map.put("cfg", request.cfg());
        map.put("fps", request.fps());
        map.put("seed", request.seed());
        map.put("precision", request.precision().name().toLowerCase(Locale.ROOT));
        map.put("offload", request.offload().name().toLowerCase(Locale.ROOT));
        map.put("vaeTiling", request.vaeTiling());
        if (request.vaeTiling()) {
            map.put("vaeTileSize", request.vaeTileSize());
        }
        map.put("textEncoderOnCpu", request.textEncoderOnCpu());
        request.inputImagePath().ifPresent(path -> map.put("image", path));
        request.maskPath().ifPresent(path -> map.put("mask", path));
        request.sourceVideoPath().ifPresent(path -> map.put("video", path));
        return map;
    }

    private static Map<String, Object> recovery(AppliedRecovery recovery) {
        var map = new LinkedHashMap<String, Object>();
        map.put("tier", recovery.tier().label());
        map.put("action", recovery.action().name());
        map.put("description", recovery.action().description());
        map.put("afterError", recovery.errorCode());
        map.put("change", recovery.change());
        return map;
    }

    private static Map<String, Object> error(ShotError error) {
        var map = new LinkedHashMap<String, Object>();
        map.put("tier", error.tier().label());
        map.put("attempt", error.attempt());
        map.put("backend", error.backend());
        map.put("category", error.category().name());
        map.put("code", error.code());
        map.put("disposition", error.disposition().name());
        map.put("severity", error.severity().name());
        map.put("message", error.message());
        map.put("gpuSeconds", round(error.gpuSeconds()));
        return map;
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
