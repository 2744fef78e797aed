package dev.storycore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's result as JMH writes it with {@code -rf json}.
 *
 * @param benchmark      the simple class name and method, as {@code RetryBenchmark.ours}
 * @param threads        benchmark threads
 * @param nanosPerOp     the average time per call
 * @param error          the 99.9 % confidence half-width; NaN when there were too few iterations
 * @param bytesPerOp     bytes allocated per call ({@code gc.alloc.rate.norm}); NaN without {@code -prof gc}
 */
record JmhResult(String benchmark, int threads, double nanosPerOp, double error, double bytesPerOp) {

    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /**
     * Reads a JMH JSON result file.
     *
     * @param file the file
     * @return its results, in file order
     * @throws IOException if it cannot be read or is not JMH's JSON
     */
    static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": not a JMH JSON result (expected an array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            results.add(of(node));
        }
        return results;
    }

    private static JmhResult of(JsonNode node) throws IOException {
        String unit = node.path("primaryMetric").path("scoreUnit").asText();
        if (!unit.equals("ns/op")) {
            throw new IOException(node.path("benchmark").asText() + ": expected ns/op, got '" + unit + "'");
        }
        String fullName = node.path("benchmark").asText();
        String[] parts = fullName.split("\\.");
        String shortName = parts.length < 2 ? fullName : parts[parts.length - 2] + "." + parts[parts.length - 1];
        JsonNode primary = node.path("primaryMetric");
        JsonNode allocation = node.path("secondaryMetrics").path(ALLOCATION);
        return new JmhResult(shortName, node.path("threads").asInt(),
                number(primary.path("score")), number(primary.path("scoreError")),
                allocation.isMissingNode() ? Double.NaN : number(allocation.path("score")));
    }

    /** JMH writes NaN as the string {@code "NaN"}. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
