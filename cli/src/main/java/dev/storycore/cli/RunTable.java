package dev.storycore.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The per-shot table and the summary lines {@code storycore run} prints at the end. */
final class RunTable {

    private RunTable() {
    }

    static String render(RunReport report, Path written) {
        var table = new TextTable("SHOT", "STATUS", "TIER", "MODEL", "SIZE×FRAMES", "QUALITY", "ATTEMPTS", "GPU-S",
                "ERRORS");
        for (ShotReport shot : report.shots()) {
            Map<String, Object> p = shot.parameters();
            table.row(shot.id(), shot.status(), shot.tier().isEmpty() ? "-" : shot.tier(), shot.model(),
                    p.get("size") + "×" + p.get("frames"), String.format(Locale.ROOT, "%.2f", shot.qualityScore()),
                    shot.attempts(), String.format(Locale.ROOT, "%.1f", shot.gpuSeconds()), errors(shot));
        }
        RunReport.Summary s = report.summary();
        var text = new StringBuilder(System.lineSeparator()).append(table.render(""));
        text.append(String.format(Locale.ROOT, "%n%d shots: %d delivered, %d placeholder, %d failed", s.shots(),
                s.delivered(), s.placeholder(), s.failed()));
        if (s.interrupted() + s.notRun() > 0) {
            text.append(String.format(Locale.ROOT, ", %d interrupted, %d not run", s.interrupted(), s.notRun()));
        }
        text.append(String.format(Locale.ROOT, "%nmean quality %.2f · %d attempts · %d recoveries · %d fallbacks"
                        + " · %.1f GPU-s (%.1f wasted) · %.1f s%n", s.meanQuality(), s.attempts(), s.recoveries(),
                s.fallbacks(), s.gpuSeconds(), s.wastedGpuSeconds(), report.wallSeconds()));
        text.append("report: ").append(written).append(System.lineSeparator());
        return text.toString();
    }

    private static String errors(ShotReport shot) {
        if (shot.errors().isEmpty()) {
            return "-";
        }
        var codes = new java.util.LinkedHashMap<String, Integer>();
        shot.errors().forEach(e -> codes.merge(String.valueOf(e.get("code")), 1, Integer::sum));
        var text = new StringBuilder();
        codes.forEach((code, n) -> text.append(text.isEmpty() ? "" : ",").append(code).append(n > 1 ? "×" + n : ""));
        return text.toString();
    }
}
