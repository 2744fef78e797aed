package dev.storycore.cli;

import dev.storycore.generation.fallback.Alternative;
import dev.storycore.generation.fallback.LocalModel;
import dev.storycore.generation.fallback.ResourceNeeds;
import dev.storycore.generation.fallback.Suggestions;
import dev.storycore.generation.hardware.GpuProfile;
import java.util.List;
import java.util.Locale;

/** The text of {@code storycore suggest}: the target's own needs, the ranked alternatives, what is on disk. */
final class SuggestReport {

    private SuggestReport() {
    }

    static String text(Suggestions suggestions) {
        var text = new StringBuilder();
        ResourceNeeds target = suggestions.target();
        text.append("Target    ").append(suggestions.targetId()).append(" (").append(suggestions.targetName())
                .append(") on ").append(GpuProfile.formatGb(suggestions.vramGb())).append(" GB (")
                .append(GpuProfile.formatGb(target.usableGb())).append(" GB usable)\n");
        text.append("Itself    ").append(needs(target)).append('\n');
        List<Alternative> alternatives = suggestions.alternatives();
        if (alternatives.isEmpty()) {
            text.append("\nNo other model shares a workflow with ").append(suggestions.targetId()).append(".\n");
        } else {
            var table = new TextTable("#", "MODEL", "SCORE", "LOCAL", "PEAK", "FITS", "SETTINGS", "LOSES");
            for (int i = 0; i < alternatives.size(); i++) {
                Alternative alternative = alternatives.get(i);
                ResourceNeeds resources = alternative.resources();
                table.row(i + 1, alternative.modelId(), String.format(Locale.ROOT, "%.3f", alternative.score()),
                        alternative.local() ? "yes" : "no", gb(resources.peakGb()), resources.fits() ? "yes" : "no",
                        settings(resources), String.join("; ", alternative.parity().lost()));
            }
            text.append('\n').append(table.render(""));
            text.append("\nscore = 0.35 workflows + 0.25 fidelity + 0.30 fit + 0.10 local copy (docs/model-folders.md)\n");
        }
        if (!suggestions.localModels().isEmpty()) {
            var table = new TextTable("MODEL", "USABLE", "PATH", "NOTE");
            for (LocalModel model : suggestions.localModels()) {
                table.row(model.modelId().isEmpty() ? "?" : model.modelId(), model.usable() ? "yes" : "no",
                        model.path(), model.problems().isEmpty() ? model.matchedBy() : model.problems().get(0));
            }
            text.append("\nFound on disk:\n").append(table.render("  "));
        }
        suggestions.problems().forEach(problem -> text.append("Problem: ").append(problem).append('\n'));
        return text.toString();
    }

    private static String needs(ResourceNeeds needs) {
        if (needs.fitsAsIs()) {
            return "fits as is, " + gb(needs.peakGb());
        }
        String how = needs.settings().isEmpty() ? "" : " with " + String.join(", ", needs.settings().stream()
                .map(setting -> setting.substring(0, setting.indexOf(':') < 0 ? setting.length()
                        : setting.indexOf(':'))).toList());
        return (needs.fits() ? "fits" : "does not fit") + how + ": " + gb(needs.peakGb()) + " at " + needs.size()
                + "x" + needs.frames() + " (" + gb(needs.nativePeakGb()) + " at its native settings)";
    }

    private static String settings(ResourceNeeds resources) {
        if (resources.fitsAsIs()) {
            return "as is";
        }
        String settings = resources.precision() + ", offload " + resources.offload().name().toLowerCase(Locale.ROOT)
                + (resources.textEncoderOnCpu() ? ", text encoder on CPU" : "")
                + (resources.vaeTiling() ? ", VAE tiling" : "");
        return resources.cuts() ? settings + ", " + resources.size() + "x" + resources.frames() : settings;
    }

    private static String gb(double gigabytes) {
        return String.format(Locale.ROOT, "%.2f GB", gigabytes);
    }
}
