package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.INFERENCE;
import static dev.storycore.generation.errors.GenerationErrorCategory.INTERRUPTED;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.UNKNOWN;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.javaType;
import static dev.storycore.generation.errors.When.node;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.source;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.LOW;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;

/**
 * The first and last lines of the table: a cancelled job is recognised before anything else, and
 * when no rule understood the message, the node that failed still says which stage broke (loading,
 * sampling, decoding, encoding, upscaling). Only when even that is unknown is the result
 * {@code UNKNOWN}, never retried.
 */
final class WorkflowRules {

    private static final String REPORT_IT =
            "Read the full traceback in the backend log; if the message is new, report it with the workflow.";

    private static final Rule CANCELLED =
            Rule.of("cancelled", "INTERRUPTED", INTERRUPTED, DO_NOT_RETRY, LOW)
                    .when(any(source(ErrorReport.Source.INTERRUPTED_EVENT),
                            type("InterruptProcessingException", "KeyboardInterrupt", "CancelledError"),
                            phrase("processing interrupted", "execution_interrupted", "interrupted by user",
                                    "interrupted by the user", "cancelled by user", "canceled by user",
                                    "cancelled by the user", "canceled by the user", "job was cancelled",
                                    "job was canceled", "aborted by user", "aborted by the user",
                                    "stopped by user", "stopped by the user", "user cancelled", "user canceled",
                                    // ComfyUI's step hook raising after /interrupt.
                                    "processing_interrupted"),
                            // ComfyUI's log when /interrupt arrives, and a queue's state of a cancelled job.
                            pattern("\\binterrupting (?:the )?(?:prompt|job|generation|execution|processing|task)\\b"),
                            pattern("\\b(?:status|state)\\W{1,3}(?:interrupted|cancell?ed)\\b"),
                            javaType("java.lang.InterruptedException",
                                    "java.util.concurrent.CancellationException")))
                    .says("The job was cancelled[ in {node}][ while running {model}]; it did not fail.")
                    .advises("Nothing to fix: submit the job again if the cancellation was not intended.",
                            "If nobody cancelled it, look for a client or queue manager sending /interrupt.");

    private static final Rule LOADER_NODE =
            Rule.of("loader-node", "LOADER_NODE_FAILED", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(node(NodeKind.LOADER))
                    .says("Loading failed in {node}[ for {model}][ ({exception})]: {excerpt}")
                    .advises("Check that the file the loader points at exists, is complete, and is the kind"
                                    + " the loader expects (diffusion model, text encoder, VAE, CLIP vision).",
                            "Update ComfyUI and the pack providing {node} if the model is newer than they are.",
                            REPORT_IT);

    private static final Rule SAMPLER_NODE =
            Rule.of("sampler-node", "SAMPLER_NODE_FAILED", INFERENCE, DO_NOT_RETRY, HIGH)
                    .when(node(NodeKind.SAMPLER))
                    .says("Sampling failed in {node}[ for {model}][ ({exception})]: {excerpt}")
                    .advises("Check that model, conditioning and latent come from the same model family.",
                            REPORT_IT);

    private static final Rule VAE_NODE =
            Rule.of("vae-node", "VAE_NODE_FAILED", INFERENCE, DO_NOT_RETRY, HIGH)
                    .when(node(NodeKind.VAE_DECODE, NodeKind.VAE_ENCODE))
                    .says("The VAE failed in {node}[ for {model}][ ({exception})]: {excerpt}")
                    .advises("Check that the VAE matches the model (Wan2.2 TI2V-5B uses the Wan2.2 VAE, other"
                                    + " Wan models the Wan2.1 VAE).",
                            REPORT_IT);

    private static final Rule ENCODER_NODE =
            Rule.of("encoder-node", "ENCODER_NODE_FAILED", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(node(NodeKind.TEXT_ENCODER, NodeKind.VISION_ENCODER, NodeKind.IMAGE_CONDITIONING))
                    .says("Conditioning failed in {node}[ for {model}][ ({exception})]: {excerpt}")
                    .advises("Check the text encoder, CLIP vision model and input images this node uses.",
                            REPORT_IT);

    private static final Rule UPSCALE_NODE =
            Rule.of("upscale-node", "UPSCALE_NODE_FAILED", INFERENCE, DO_NOT_RETRY, HIGH)
                    .when(node(NodeKind.UPSCALER))
                    .says("Upscaling failed in {node}[ ({exception})]: {excerpt}")
                    .advises("Check the upscale model is a single-image model that ComfyUI supports.",
                            REPORT_IT);

    private static final Rule INVALID_REQUEST =
            Rule.of("invalid-request", "INVALID_REQUEST", PARAMETER_VALIDATION, DO_NOT_RETRY, MEDIUM)
                    .when(javaType("java.lang.IllegalArgumentException"))
                    .says("The request was rejected as invalid: {excerpt}")
                    .advises("Fix the request the message names; the same request fails again.");

    private static final Rule NOTHING_MATCHED =
            Rule.of("nothing-matched", "UNKNOWN", UNKNOWN, DO_NOT_RETRY, MEDIUM)
                    .when(report -> true)
                    .says("Unrecognised failure[ in {node}][ for {model}][ ({exception})]: {excerpt}")
                    .advises(REPORT_IT,
                            "It is not retried automatically because its cause is unknown.");

    private WorkflowRules() {
    }

    /** Cancellation, checked first. */
    static List<Rule> interruption() {
        return List.of(
                CANCELLED);
    }

    /** What the failed node says when no message rule matched, then the catch-all. */
    static List<Rule> fallbacks() {
        return List.of(
                LOADER_NODE,
                SAMPLER_NODE,
                VAE_NODE,
                ENCODER_NODE,
                UPSCALE_NODE,
                INVALID_REQUEST,
                NOTHING_MATCHED);
    }
}
