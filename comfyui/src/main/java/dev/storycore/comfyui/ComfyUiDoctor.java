package dev.storycore.comfyui;

import dev.storycore.generation.request.Precision;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a ComfyUI server against a template catalog: reads {@code /system_stats} and
 * {@code /object_info}, and for every template and model says whether the node classes exist and
 * the loaders offer the model files, at which precisions it can run, and how to fix what is missing.
 * Stateless and thread-safe.
 */
public final class ComfyUiDoctor {

    private ComfyUiDoctor() {
    }

    /**
     * Asks the server and checks every template.
     *
     * @param client  a client of the server
     * @param catalog the templates to check
     * @return the report
     * @throws ComfyUiUnavailableException when the server cannot be reached or answers 5xx
     * @throws ComfyUiTimeoutException     when it does not answer in time
     * @throws ComfyUiProtocolException    when an answer cannot be read
     */
    public static DoctorReport examine(ComfyUiClient client, TemplateCatalog catalog) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(catalog, "catalog");
        SystemStats stats = client.systemStats();
        ObjectInfo info = client.objectInfo();
        return diagnose(client.config().baseUri(), stats, info, catalog);
    }

    /**
     * Checks every template against answers already read.
     *
     * @param server  the server, for the report
     * @param stats   its {@code /system_stats}
     * @param info    its {@code /object_info}
     * @param catalog the templates to check
     * @return the report
     */
    public static DoctorReport diagnose(URI server, SystemStats stats, ObjectInfo info, TemplateCatalog catalog) {
        List<TemplateCheck> checks = new ArrayList<>();
        for (TemplateSpec spec : catalog.templates()) {
            List<String> models = spec.models().isEmpty() ? List.of("") : spec.models().stream().sorted().toList();
            for (String model : models) {
                checks.add(check(spec, model, info, catalog));
            }
        }
        var gpu = ServerStats.toBackendStats(stats).gpu();
        return new DoctorReport(server, stats, gpu, checks);
    }

    private static TemplateCheck check(TemplateSpec spec, String modelId, ObjectInfo info, TemplateCatalog catalog) {
        Map<Precision, List<ModelFile>> missingByPrecision = new EnumMap<>(Precision.class);
        Set<String> missingNodes = new LinkedHashSet<>();
        try {
            for (Precision precision : Precision.values()) {
                TemplateRequirements needs = catalog.requirements(spec, modelId, precision);
                missingNodes.addAll(info.missing(needs.nodeClasses()));
                missingByPrecision.put(precision, needs.modelFiles().stream()
                        .filter(file -> !info.choices(file.nodeClass(), file.input()).contains(file.filename()))
                        .distinct().toList());
            }
        } catch (TemplateException e) {
            return new TemplateCheck(spec.id(), spec.title(), modelId, spec.workflows(), Set.of(), List.of(),
                    List.of(), List.of("fix the template: " + e.getMessage()));
        }
        Set<Precision> runnable = new LinkedHashSet<>();
        if (missingNodes.isEmpty()) {
            missingByPrecision.forEach((precision, missing) -> {
                if (missing.isEmpty()) {
                    runnable.add(precision);
                }
            });
        }
        List<ModelFile> missingFiles = runnable.isEmpty() ? closest(missingByPrecision) : List.of();
        List<String> fixes = new ArrayList<>();
        missingNodes.forEach(node -> fixes.add("node " + node + " is not installed: update ComfyUI, or install the "
                + "custom node pack that provides it"));
        missingFiles.forEach(file -> fixes.add(fix(file, info)));
        if (!runnable.isEmpty() && runnable.size() < Precision.values().length) {
            fixes.add("runs at " + names(runnable) + " only; " + otherPrecisions(missingByPrecision, runnable));
        }
        return new TemplateCheck(spec.id(), spec.title(), modelId, spec.workflows(), runnable,
                List.copyOf(missingNodes), missingFiles, fixes);
    }

    /** The missing files of the precision closest to running; declaration order (BF16 first) breaks ties. */
    private static List<ModelFile> closest(Map<Precision, List<ModelFile>> missingByPrecision) {
        return missingByPrecision.values().stream()
                .min((a, b) -> Integer.compare(a.size(), b.size()))
                .orElse(List.of());
    }

    private static String fix(ModelFile file, ObjectInfo info) {
        Optional<String> elsewhere = info.choices(file.nodeClass(), file.input()).stream()
                .filter(choice -> choice.endsWith("/" + file.filename()) || choice.endsWith("\\" + file.filename()))
                .findFirst();
        return elsewhere.map(found -> file.filename() + " is in a subfolder (" + found + "): move it to models/"
                + file.folder() + " itself").orElseGet(file::hint);
    }

    private static String otherPrecisions(Map<Precision, List<ModelFile>> missingByPrecision, Set<Precision> runnable) {
        List<String> parts = new ArrayList<>();
        missingByPrecision.forEach((precision, missing) -> {
            if (!runnable.contains(precision)) {
                parts.add(precision + " needs " + String.join(", ", missing.stream().map(ModelFile::filename).toList()));
            }
        });
        return String.join("; ", parts);
    }

    private static String names(Set<Precision> precisions) {
        return String.join("/", precisions.stream().map(Enum::name).toList());
    }
}
