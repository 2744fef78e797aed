package dev.storycore.cli;

import dev.storycore.comfyui.DoctorReport;
import dev.storycore.comfyui.ModelFile;
import dev.storycore.comfyui.SystemStats;
import dev.storycore.comfyui.TemplateCheck;
import dev.storycore.generation.hardware.GpuProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The doctor's report as text for people and as JSON for scripts. Stateless. */
final class DoctorOutput {

    private DoctorOutput() {
    }

    static String text(DoctorReport report) {
        var text = new StringBuilder();
        SystemStats.Software system = report.stats().system();
        text.append("ComfyUI at ").append(report.server()).append('\n');
        text.append("  ComfyUI ").append(orUnknown(system.comfyuiVersion()))
                .append(", Python ").append(orUnknown(shortPython(system.pythonVersion())))
                .append(", PyTorch ").append(orUnknown(system.pytorchVersion()))
                .append(system.os().isEmpty() ? "" : ", " + system.os()).append('\n');
        text.append("  ").append(gpuLine(report)).append('\n');
        text.append("  RAM ").append(gb(system.ramTotal())).append(" GB (").append(gb(system.ramFree()))
                .append(" GB free)\n\n");
        var table = new TextTable("TEMPLATE", "MODEL", "RUNS", "PRECISIONS", "TITLE");
        for (TemplateCheck check : report.templates()) {
            table.row(check.templateId(), check.modelId().isEmpty() ? "any" : check.modelId(),
                    check.runnable() ? "yes" : "no", precisions(check), check.title());
        }
        text.append(table.render(""));
        List<TemplateCheck> withFixes = report.templates().stream().filter(check -> !check.fixes().isEmpty()).toList();
        if (!withFixes.isEmpty()) {
            text.append("\nTo fix:\n");
            for (TemplateCheck check : withFixes) {
                text.append("  ").append(check.templateId())
                        .append(check.modelId().isEmpty() ? "" : " (" + check.modelId() + ")").append(":\n");
                check.fixes().forEach(fix -> text.append("    - ").append(fix).append('\n'));
            }
        }
        text.append('\n').append(report.runnable().size()).append(" of ").append(report.templates().size())
                .append(" templates can run here.\n");
        return text.toString();
    }

    private static String gpuLine(DoctorReport report) {
        if (!report.hasGpu()) {
            return "GPU: none (ComfyUI runs on the CPU)";
        }
        GpuProfile gpu = report.gpu();
        long free = report.stats().devices().stream().filter(d -> d.vramTotal() == gpu.vramBytes())
                .mapToLong(SystemStats.Device::vramFree).findFirst().orElse(0);
        return "GPU: " + gpu.name() + ", " + GpuProfile.formatGb(gpu.vramGb()) + " GB VRAM (" + gb(free) + " GB free)"
                + (gpu.fp8() ? ", native FP8" : "") + (gpu.bf16() ? "" : ", no bf16");
    }

    static Map<String, Object> json(DoctorReport report) {
        SystemStats.Software system = report.stats().system();
        var json = new LinkedHashMap<String, Object>();
        json.put("server", report.server().toString());
        json.put("comfyui", system.comfyuiVersion());
        json.put("python", system.pythonVersion());
        json.put("pytorch", system.pytorchVersion());
        json.put("os", system.os());
        json.put("ramTotalGb", CliJson.gb(GpuProfile.gigabytes(system.ramTotal())));
        json.put("ramFreeGb", CliJson.gb(GpuProfile.gigabytes(system.ramFree())));
        json.put("devices", report.stats().devices().stream().map(DoctorOutput::device).toList());
        json.put("gpu", report.hasGpu() ? gpu(report.gpu()) : null);
        json.put("templates", report.templates().stream().map(DoctorOutput::check).toList());
        json.put("summary", Map.of("runnable", report.runnable().size(), "total", report.templates().size()));
        return json;
    }

    private static Map<String, Object> device(SystemStats.Device device) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", device.name());
        json.put("type", device.type());
        json.put("vramTotalGb", CliJson.gb(GpuProfile.gigabytes(device.vramTotal())));
        json.put("vramFreeGb", CliJson.gb(GpuProfile.gigabytes(device.vramFree())));
        return json;
    }

    private static Map<String, Object> gpu(GpuProfile gpu) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", gpu.id());
        json.put("name", gpu.name());
        json.put("vramGb", CliJson.gb(gpu.vramGb()));
        json.put("bf16", gpu.bf16());
        json.put("fp8", gpu.fp8());
        return json;
    }

    private static Map<String, Object> check(TemplateCheck check) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", check.templateId());
        json.put("title", check.title());
        json.put("model", check.modelId());
        json.put("workflows", check.workflows().stream().map(Enum::name).sorted().toList());
        json.put("runnable", check.runnable());
        json.put("precisions", check.runnablePrecisions().stream().map(Enum::name).toList());
        json.put("missingNodes", check.missingNodes());
        json.put("missingFiles", check.missingFiles().stream().map(DoctorOutput::file).toList());
        json.put("fixes", check.fixes());
        return json;
    }

    private static Map<String, Object> file(ModelFile file) {
        var json = new LinkedHashMap<String, Object>();
        json.put("file", file.filename());
        json.put("folder", "models/" + file.folder());
        json.put("loader", file.nodeClass());
        json.put("input", file.input());
        json.put("source", file.source());
        json.put("hint", file.hint());
        return json;
    }

    private static String precisions(TemplateCheck check) {
        return check.runnable() ? String.join("/", check.runnablePrecisions().stream().map(Enum::name).toList()) : "-";
    }

    /** {@code 3.12.3} from {@code sys.version}'s {@code 3.12.3 (main, ...) [GCC ...]}. */
    private static String shortPython(String version) {
        int space = version.indexOf(' ');
        return space < 0 ? version : version.substring(0, space);
    }

    private static String orUnknown(String value) {
        return value.isBlank() ? "unknown" : value;
    }

    private static String gb(long bytes) {
        return GpuProfile.formatGb(CliJson.gb(GpuProfile.gigabytes(bytes)));
    }
}
