package dev.storycore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storycore.generation.errors.ErrorDetails;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storycore classify [--model ID] [--json]}: reads error text (stderr, a traceback, a ComfyUI
 * error report) or ComfyUI JSON (an {@code execution_error} payload or WebSocket message, a
 * {@code /prompt} 400 body) from standard input and prints its classification. Exit code 0 when
 * classified, 2 when standard input is empty.
 *
 * <p>JSON output fields: {@code category}, {@code disposition}, {@code severity}, {@code code},
 * {@code message}, {@code guidance} (a list), {@code coreCategory} and {@code details} (only the
 * figures and names the report stated). Codes are documented in docs/errors.md.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classifies error text or a ComfyUI error payload read from standard input.",
            "Prints category, disposition (RETRY_AS_IS, ADJUST_AND_RETRY, DO_NOT_RETRY), severity, a stable"
                    + " code (see docs/errors.md), a message and guidance."
        })
public final class ClassifyCommand implements Callable<Integer> {

    /** More than this is not an error report; the classifier reads at most the head and tail anyway. */
    static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private String model = "";

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @CommandLine.Mixin
    private ModelsFileOption models = new ModelsFileOption();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Supplier<InputStream> input;
    private final GenerationErrorClassifier classifier = new GenerationErrorClassifier();

    /** Creates the command reading {@link System#in} when it runs. */
    public ClassifyCommand() {
        this(() -> System.in);
    }

    /**
     * Creates the command reading the given input when it runs; tests use this.
     *
     * @param input supplies standard input
     */
    ClassifyCommand(Supplier<InputStream> input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    @Option(names = "--model", paramLabel = "ID", description = "The model the job ran; the message names it.")
    void model(String id) {
        if (id.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model must not be blank");
        }
        this.model = id.strip();
    }

    /**
     * Classifies standard input and prints the result.
     *
     * @return {@link StoryCore#OK}
     * @throws UsageException if standard input is empty or too large
     */
    @Override
    public Integer call() {
        if (!model.isEmpty()) {
            model = models.registry().find(model)
                    .orElseThrow(() -> new UsageException("classify: unknown model '" + model
                            + "' (see storycore models)"))
                    .id();
        }
        String text = readInput();
        if (text.isBlank()) {
            throw new UsageException("classify: standard input is empty; pipe error text or ComfyUI JSON into it");
        }
        GenerationError error = classifier.classify(text, model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(error));
        } else {
            printText(out, error);
        }
        out.flush();
        return StoryCore.OK;
    }

    private String readInput() {
        try {
            InputStream in = input.get();
            byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new UsageException("classify: standard input is larger than " + (MAX_INPUT_BYTES >> 20)
                        + " MiB; pass the error report, not a whole log");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private static void printText(PrintWriter out, GenerationError error) {
        out.println("code:        " + error.code());
        out.println("category:    " + error.category() + " (core " + error.category().coreCategory() + ")");
        out.println("disposition: " + error.disposition());
        out.println("severity:    " + error.severity());
        out.println("message:     " + error.message());
        if (!error.guidance().isEmpty()) {
            out.println("guidance:");
            error.guidance().forEach(line -> out.println("  - " + line));
        }
    }

    static String toJson(GenerationError error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("category", error.category().name());
        fields.put("disposition", error.disposition().name());
        fields.put("severity", error.severity().name());
        fields.put("code", error.code());
        fields.put("message", error.message());
        fields.put("guidance", error.guidance());
        fields.put("coreCategory", error.category().coreCategory().name());
        fields.put("details", details(error.details()));
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Only what the report stated: zero byte counts and empty names mean "not said". */
    private static Map<String, Object> details(ErrorDetails d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPositive(fields, "requestedBytes", d.requestedBytes());
        putIfPositive(fields, "capacityBytes", d.capacityBytes());
        putIfPositive(fields, "freeBytes", d.freeBytes());
        putIfPositive(fields, "allocatedBytes", d.allocatedBytes());
        putIfPresent(fields, "nodeType", d.nodeType());
        putIfPresent(fields, "exceptionType", d.exceptionType());
        putIfPresent(fields, "modelId", d.modelId());
        return fields;
    }

    private static void putIfPositive(Map<String, Object> fields, String name, long value) {
        if (value > 0) {
            fields.put(name, value);
        }
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
