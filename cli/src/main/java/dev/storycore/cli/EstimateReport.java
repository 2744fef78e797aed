package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PlanStep;
import dev.storycore.generation.memory.VramEstimate;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.Adjustment;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.ValidationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output of {@code storycore estimate}, as JSON fields or as text for a person. */
record EstimateReport(ModelSpec model, GpuProfile gpu, ValidationResult validated, VramEstimate estimate, Plan plan) {

    Map<String, Object> json() {
        var json = new LinkedHashMap<String, Object>();
        json.put("model", model.id());
        json.put("gpu", gpu.name());
        json.put("gpuVramGb", CliJson.gb(gpu.vramGb()));
        json.put("availableVramGb", CliJson.gb(plan.usableGb()));
        json.put("request", request(validated.request()));
        json.put("adjustments", validated.adjustments().stream().map(Adjustment::toString).toList());
        json.put("peakVramGb", CliJson.gb(estimate.peakGb()));
        json.put("peakPhase", estimate.peakPhase().name());
        var phases = new LinkedHashMap<String, Object>();
        phases.put("encode", gb(estimate.encodeBytes()));
        phases.put("denoise", gb(estimate.denoiseBytes()));
        phases.put("decode", gb(estimate.decodeBytes()));
        json.put("phasesGb", phases);
        json.put("fits", plan.fitsAsIs());
        json.put("plan", plan.steps().stream().map(EstimateReport::step).toList());
        json.put("planFits", plan.fits());
        json.put("finalRequest", request(plan.finalRequest()));
        json.put("smallestFittingGpu", plan.smallestFittingGpu());
        json.put("message", plan.message());
        return json;
    }

    String text() {
        var text = new StringBuilder();
        GenerationRequest request = validated.request();
        line(text, "Model", model.id() + " (" + model.name() + ")");
        line(text, "Request", settings(request));
        for (Adjustment adjustment : validated.adjustments()) {
            line(text, "Adjusted", adjustment.toString());
        }
        line(text, "GPU", gpu.name() + " (" + GpuProfile.formatGb(gpu.vramGb()) + " GB, "
                + GpuProfile.formatGb(plan.usableGb()) + " GB usable)");
        line(text, "Peak VRAM", fmt(estimate.peakGb()) + " GB (encode " + fmt(gb(estimate.encodeBytes()))
                + ", denoise " + fmt(gb(estimate.denoiseBytes()))
                + ", decode " + fmt(gb(estimate.decodeBytes())) + ")");
        line(text, "Fits", plan.fitsAsIs() ? "yes" : "no");
        if (!plan.steps().isEmpty()) {
            var table = new TextTable("STEP", "ACTION", "CHANGE", "PEAK");
            List<PlanStep> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++) {
                PlanStep step = steps.get(i);
                table.row(i + 1, step.action().label(), step.detail(), fmt(step.peakGb()) + " GB");
            }
            text.append('\n').append(plan.fits() ? "Plan to fit:" : "Closest plan (does not fit):").append('\n');
            text.append(table.render("  "));
        }
        text.append('\n').append(plan.message()).append('\n');
        return text.toString();
    }

    private static Map<String, Object> step(PlanStep step) {
        var json = new LinkedHashMap<String, Object>();
        json.put("action", step.action().name());
        json.put("detail", step.detail());
        json.put("peakVramGb", CliJson.gb(step.peakGb()));
        return json;
    }

    private static Map<String, Object> request(GenerationRequest request) {
        var json = new LinkedHashMap<String, Object>();
        json.put("model", request.modelId());
        json.put("width", request.width());
        json.put("height", request.height());
        json.put("frames", request.frames());
        json.put("precision", request.precision().name());
        json.put("offload", request.offload().name());
        json.put("vaeTiling", request.vaeTiling());
        json.put("textEncoderOnCpu", request.textEncoderOnCpu());
        return json;
    }

    private static String settings(GenerationRequest request) {
        return request.size() + "x" + request.frames() + ", " + request.precision() + ", offload "
                + request.offload().name().toLowerCase(java.util.Locale.ROOT)
                + ", VAE tiling " + (request.vaeTiling() ? "on" : "off")
                + ", text encoder on " + (request.textEncoderOnCpu() ? "CPU" : "GPU");
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(java.util.Locale.ROOT, "%-11s%s", label, value)).append('\n');
    }

    private static double gb(long bytes) {
        return CliJson.gb(GpuProfile.gigabytes(bytes));
    }

    private static String fmt(double gigabytes) {
        return String.format(java.util.Locale.ROOT, "%.2f", gigabytes);
    }
}
