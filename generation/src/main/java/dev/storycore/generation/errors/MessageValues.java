package dev.storycore.generation.errors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder values every message may use, read from any report: {@code model}, {@code file},
 * {@code node}, {@code exception}, {@code excerpt}, {@code status}, {@code endpoint} and the memory
 * figures {@code requested}, {@code capacity}, {@code free}, {@code allocated}, {@code reserved},
 * {@code shortfall}. Also works out the {@link ErrorDetails} of a report. Stateless and thread-safe.
 */
final class MessageValues {

    private static final Pattern WEIGHTS_FILE = Pattern.compile(
            "([\\w.+\\-]+\\.(?:safetensors|gguf|ckpt|pth|pt|bin|sft))\\b", Pattern.CASE_INSENSITIVE);
    /** Shard and component file names say nothing about which model it is. */
    private static final Pattern GENERIC_FILE = Pattern.compile(
            "(?:diffusion_pytorch_model|pytorch_model|model|adapter_model|open_clip_pytorch_model)"
                    + "(?:[.\\-][\\w\\-]+)*\\.\\w+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HUB_REPO = Pattern.compile(
            "(?:huggingface\\.co|hf\\.co)/(?:api/)?(?:models/)?([\\w.\\-]+/[\\w.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPO_ID = Pattern.compile(
            "repo(?:_id| id)?\\s*[=:]\\s*['\"]?([\\w.\\-]+/[\\w.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_REPOS = Set.of("api", "models", "datasets", "spaces", "docs");
    private static final Pattern HOST_PORT = Pattern.compile("host='([^']+)',\\s*port=(\\d+)");
    private static final Pattern URL_HOST = Pattern.compile("\\b(?:https?|wss?)://([^/\\s'\")]+)");
    private static final int EXCERPT = 160;

    private MessageValues() {
    }

    /**
     * The details of a report: memory figures, node, exception type and model.
     *
     * @param report the report
     * @param m      its memory figures
     * @return the details
     */
    static ErrorDetails details(ErrorReport report, MemoryFigures m) {
        return new ErrorDetails(m.requested(), m.capacity(), m.free(), m.allocated(), report.nodeType(),
                report.exceptionType(), model(report));
    }

    /**
     * The common placeholder values of a report.
     *
     * @param report  the report
     * @param details its details
     * @param m       its memory figures
     * @return the values; missing ones are absent
     */
    static Map<String, String> of(ErrorReport report, ErrorDetails details, MemoryFigures m) {
        Map<String, String> values = new HashMap<>();
        putBytes(values, "requested", m.requested());
        putBytes(values, "capacity", m.capacity());
        putBytes(values, "free", m.free());
        putBytes(values, "allocated", m.allocated());
        putBytes(values, "reserved", m.reserved());
        putBytes(values, "shortfall", m.shortfall());
        values.put("model", details.modelId());
        values.put("node", report.nodeType());
        values.put("exception", report.exceptionType());
        values.put("excerpt", excerpt(report));
        values.put("file", weightsFile(report.text(), false));
        values.put("endpoint", endpoint(report.text()));
        if (report.httpStatus() > 0) {
            values.put("status", Integer.toString(report.httpStatus()));
        }
        return values;
    }

    /** The caller's model, else a hub repository named in the text, else a specific weights file. */
    static String model(ErrorReport report) {
        if (!report.modelId().isEmpty()) {
            return report.modelId();
        }
        for (Pattern p : new Pattern[] {HUB_REPO, REPO_ID}) {
            Matcher m = p.matcher(report.text());
            while (m.find()) {
                String repo = m.group(1).replaceAll("[.]+$", "");
                if (!NOT_REPOS.contains(repo.substring(0, repo.indexOf('/')).toLowerCase(Locale.ROOT))) {
                    return repo;
                }
            }
        }
        return weightsFile(report.text(), true);
    }

    private static String weightsFile(String text, boolean specificOnly) {
        Matcher m = WEIGHTS_FILE.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("^[.\\-]+", "");
            if (!specificOnly || !GENERIC_FILE.matcher(name).matches()) {
                return name;
            }
        }
        return "";
    }

    private static String endpoint(String text) {
        Matcher m = HOST_PORT.matcher(text);
        if (m.find()) {
            return m.group(1) + ":" + m.group(2);
        }
        m = URL_HOST.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** The message's first line or, for a log without a recognisable error line, its last line. */
    private static String excerpt(ErrorReport report) {
        List<String> lines = (report.exceptionMessage().isBlank() ? report.text() : report.exceptionMessage())
                .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.isEmpty() ? "" : report.exceptionMessage().isBlank() ? lines.get(lines.size() - 1)
                : lines.get(0);
        line = line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 3) + "...";
        return line.endsWith("...") ? line : line.replaceAll("[.]+$", "");
    }

    private static void putBytes(Map<String, String> values, String name, long bytes) {
        if (bytes > 0) {
            values.put(name, ByteSizes.format(bytes));
        }
    }
}
