package dev.storycore.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Prints the benchmark table from JMH JSON result files and, as its last line, the headline:
 * {@code overhead ratio retry+breaker: ours/resilience4j=X.XX ours/failsafe=Y.YY alloc ours=N B/op}.
 *
 * <p>Overhead is a benchmark's time minus the bare call's at the same thread count; ratios are of
 * overheads, not of raw times. A negative overhead (within the noise of a call that costs next to
 * nothing) counts as zero in the ratios. The headline is from the lowest thread count measured, with
 * ours measured through {@link RetryBreakerBenchmark#oursPipeline()}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.storycore.benchmarks.Report results.json...}
 */
public final class Report {

    private static final String BASELINE = "BaselineBenchmark.bareCall";
    private static final String HEADLINE_SCENARIO = "RetryBreakerBenchmark";
    private static final String HEADLINE_OURS = HEADLINE_SCENARIO + ".oursPipeline";

    /** Table labels, in table order; benchmarks not listed follow under their own names. */
    private static final Map<String, String> LABELS = orderedLabels();

    private Report() {
    }

    /**
     * Prints the report.
     *
     * @param args the JMH JSON result files
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report RESULT.json...");
            System.exit(2);
        }
        List<JmhResult> results = new ArrayList<>();
        for (String file : args) {
            results.addAll(JmhResult.read(Path.of(file)));
        }
        results.sort(Comparator.comparingInt(JmhResult::threads).thenComparing(r -> order(r.benchmark())));
        System.out.println("| benchmark | threads | ns/op | ± error | B/op | overhead ns | ours/R4j | ours/Failsafe |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (JmhResult result : results) {
            System.out.println(row(result, results));
        }
        System.out.println();
        System.out.println(headline(results));
    }

    private static String row(JmhResult r, List<JmhResult> all) {
        String overhead = overhead(r, all).map(o -> format("%.1f", o)).orElse("");
        String vsR4j = "";
        String vsFailsafe = "";
        if (isOurs(r.benchmark())) {
            vsR4j = ratio(r, scenario(r) + ".resilience4j", all).map(x -> format("%.2f", x)).orElse("n/a");
            vsFailsafe = ratio(r, scenario(r) + ".failsafe", all).map(x -> format("%.2f", x)).orElse("n/a");
        }
        return "| " + LABELS.getOrDefault(r.benchmark(), r.benchmark()) + " | " + r.threads()
                + " | " + format("%.1f", r.nanosPerOp())
                + " | " + (Double.isNaN(r.error()) ? "n/a" : format("%.1f", r.error()))
                + " | " + bytes(r.bytesPerOp()) + " | " + overhead + " | " + vsR4j + " | " + vsFailsafe + " |";
    }

    private static String headline(List<JmhResult> all) {
        int threads = new TreeSet<>(all.stream().map(JmhResult::threads).toList()).first();
        Optional<JmhResult> ours = find(HEADLINE_OURS, threads, all);
        String vsR4j = ours.flatMap(o -> ratio(o, HEADLINE_SCENARIO + ".resilience4j", all))
                .map(x -> format("%.2f", x)).orElse("n/a");
        String vsFailsafe = ours.flatMap(o -> ratio(o, HEADLINE_SCENARIO + ".failsafe", all))
                .map(x -> format("%.2f", x)).orElse("n/a");
        String alloc = ours.map(o -> bytes(o.bytesPerOp())).orElse("n/a");
        return "overhead ratio retry+breaker: ours/resilience4j=" + vsR4j + " ours/failsafe=" + vsFailsafe
                + " alloc ours=" + alloc + " B/op";
    }

    /** Ours' overhead over another benchmark's, both at the same thread count, each at least zero. */
    private static Optional<Double> ratio(JmhResult ours, String other, List<JmhResult> all) {
        Optional<Double> mine = overhead(ours, all);
        Optional<Double> theirs = find(other, ours.threads(), all).flatMap(t -> overhead(t, all));
        if (mine.isEmpty() || theirs.isEmpty() || theirs.get() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, mine.get()) / theirs.get());
    }

    private static Optional<Double> overhead(JmhResult r, List<JmhResult> all) {
        if (r.benchmark().equals(BASELINE)) {
            return Optional.empty();
        }
        return find(BASELINE, r.threads(), all).map(b -> r.nanosPerOp() - b.nanosPerOp());
    }

    private static Optional<JmhResult> find(String benchmark, int threads, List<JmhResult> all) {
        return all.stream().filter(r -> r.benchmark().equals(benchmark) && r.threads() == threads).findFirst();
    }

    private static boolean isOurs(String benchmark) {
        return benchmark.substring(benchmark.indexOf('.') + 1).startsWith("ours");
    }

    private static String scenario(JmhResult r) {
        return r.benchmark().substring(0, r.benchmark().indexOf('.'));
    }

    /** Bytes rounded to whole bytes: JMH's normalised figure carries fractions from TLAB accounting. */
    private static String bytes(double bytesPerOp) {
        return Double.isNaN(bytesPerOp) ? "n/a" : Long.toString(Math.round(Math.max(0, bytesPerOp)));
    }

    private static int order(String benchmark) {
        int index = List.copyOf(LABELS.keySet()).indexOf(benchmark);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static Map<String, String> orderedLabels() {
        var labels = new java.util.LinkedHashMap<String, String>();
        labels.put(BASELINE, "baseline: bare call");
        labels.put("BreakerBenchmark.ours", "breaker closed: ours");
        labels.put("BreakerBenchmark.resilience4j", "breaker closed: resilience4j");
        labels.put("BreakerBenchmark.failsafe", "breaker closed: failsafe");
        labels.put("RetryBenchmark.ours", "retry: ours");
        labels.put("RetryBenchmark.resilience4j", "retry: resilience4j");
        labels.put("RetryBenchmark.failsafe", "retry: failsafe");
        labels.put(HEADLINE_OURS, "retry+breaker: ours (pipeline, headline)");
        labels.put("RetryBreakerBenchmark.oursNested", "retry+breaker: ours (nested lambda)");
        labels.put("RetryBreakerBenchmark.resilience4j", "retry+breaker: resilience4j");
        labels.put("RetryBreakerBenchmark.failsafe", "retry+breaker: failsafe");
        labels.put("FallbackBenchmark.ours", "fallback: ours");
        labels.put("FallbackBenchmark.resilience4j", "fallback: resilience4j");
        labels.put("FallbackBenchmark.failsafe", "fallback: failsafe");
        labels.put("RejectionBenchmark.oursOutcome", "open rejection: ours (executeOutcome)");
        labels.put("RejectionBenchmark.oursThrow", "open rejection: ours (execute throws)");
        labels.put("RejectionBenchmark.resilience4j", "open rejection: resilience4j");
        labels.put("RejectionBenchmark.resilience4jStackless", "open rejection: resilience4j (stackless)");
        labels.put("RejectionBenchmark.failsafe", "open rejection: failsafe");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
