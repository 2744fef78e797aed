package dev.storycore.generation.errors;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.ErrorClassifier;
import dev.storycore.resilience.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies what video-generation stacks really report when they fail: PyTorch and CUDA errors,
 * diffusers and transformers loading errors, Hugging Face hub errors, ComfyUI error reports and
 * payloads, and the Java exceptions of a client talking to them.
 *
 * <p>Inputs: a {@link Throwable} (the cause chain is walked; Java network exceptions count as well as
 * any ComfyUI text or JSON carried in messages), free text (stderr, a Python traceback, a ComfyUI
 * "Error report"), or JSON (a ComfyUI {@code execution_error} payload or its WebSocket message, a
 * history entry, an {@code execution_interrupted} message, or a {@code /prompt} 400 body). The
 * output is a {@link GenerationError}: category, disposition, severity, a stable code documented in
 * {@code docs/errors.md}, a message naming the model and the memory figures when known, guidance
 * lines, and the parsed {@link ErrorDetails}.
 *
 * <p>Classification goes by meaning rather than exact wording: exception types, the kind of ComfyUI
 * node that failed, key phrases and numbers, tried in a fixed order (see the rule files in this
 * package). Anything not understood is {@code UNKNOWN} and {@code DO_NOT_RETRY}.
 *
 * <p>Stateless and thread-safe; one instance can serve the whole application.
 */
public final class GenerationErrorClassifier implements ErrorClassifier {

    private static final System.Logger LOG = System.getLogger(GenerationErrorClassifier.class.getName());

    /** Creates a classifier. Construction is cheap; the rule table is shared. */
    public GenerationErrorClassifier() {
    }

    /**
     * Classifies a failure in the core library's terms, for retry policies, analytics and recovery.
     * Never throws.
     *
     * @param failure the failure
     * @return its classification
     */
    @Override
    public Classification classify(Throwable failure) {
        return classifyFailure(failure).toClassification();
    }

    /**
     * Classifies a failure.
     *
     * @param failure the failure; its cause chain is read too
     * @return the classified error
     * @throws NullPointerException if {@code failure} is null
     */
    public GenerationError classifyFailure(Throwable failure) {
        return classifyFailure(failure, "");
    }

    /**
     * Classifies a failure of a job running a known model, so the message can name it.
     *
     * @param failure the failure; its cause chain is read too
     * @param modelId the model's id, or empty if unknown
     * @return the classified error
     * @throws NullPointerException if an argument is null
     */
    public GenerationError classifyFailure(Throwable failure, String modelId) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(modelId, "modelId");
        try {
            return classify(ThrowableReportParser.parse(failure, modelId));
        } catch (RuntimeException e) {
            return failedToClassify(e, modelId);
        }
    }

    /**
     * Classifies a report given as text: stderr, a traceback, a ComfyUI error report, or ComfyUI JSON.
     *
     * @param report the text
     * @return the classified error
     * @throws NullPointerException if {@code report} is null
     */
    public GenerationError classify(String report) {
        return classify(report, "");
    }

    /**
     * Classifies a report of a job running a known model, so the message can name it.
     *
     * @param report  the text: stderr, a traceback, a ComfyUI error report, or ComfyUI JSON
     * @param modelId the model's id, or empty if unknown
     * @return the classified error
     * @throws NullPointerException if an argument is null
     */
    public GenerationError classify(String report, String modelId) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(modelId, "modelId");
        try {
            return classify(TextReportParser.parse(report, modelId));
        } catch (RuntimeException e) {
            return failedToClassify(e, modelId);
        }
    }

    /**
     * Every code this classifier can produce; each is documented in {@code docs/errors.md}.
     *
     * @return the codes, in the order the rules are tried
     */
    public static Set<String> codes() {
        return RuleTable.codes();
    }

    private static GenerationError classify(ErrorReport report) {
        MemoryFigures figures = MemoryFigures.read(report.text());
        ErrorDetails details = MessageValues.details(report, figures);
        for (Rule rule : RuleTable.rules()) {
            if (matches(rule, report)) {
                LOG.log(System.Logger.Level.DEBUG, "error matched rule {0} ({1})", rule.name(), rule.code());
                return render(rule, report, details, figures);
            }
        }
        throw new IllegalStateException("the rule table has no catch-all rule");
    }

    private static boolean matches(Rule rule, ErrorReport report) {
        try {
            return rule.matches(report);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "rule " + rule.name() + " failed; skipped", e);
            return false;
        }
    }

    private static GenerationError render(Rule rule, ErrorReport report, ErrorDetails details, MemoryFigures figures) {
        Map<String, String> values = new HashMap<>(MessageValues.of(report, details, figures));
        rule.facts().apply(report).forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        });
        List<String> guidance = new ArrayList<>();
        for (String line : rule.guidance()) {
            String text = MessageTemplate.render(line, values);
            if (!text.isEmpty()) {
                guidance.add(text);
            }
        }
        return new GenerationError(rule.category(), rule.disposition(), rule.severity(), rule.code(),
                MessageTemplate.render(rule.message(), values), guidance, details);
    }

    private static GenerationError failedToClassify(RuntimeException e, String modelId) {
        LOG.log(System.Logger.Level.WARNING, "classifying an error failed", e);
        return new GenerationError(GenerationErrorCategory.UNKNOWN, GenerationErrorCategory.UNKNOWN.usualDisposition(),
                Severity.MEDIUM, "UNKNOWN", "The error could not be read: " + e,
                List.of("Read the full error in the backend log."),
                new ErrorDetails(0, 0, 0, 0, "", "", modelId));
    }
}
