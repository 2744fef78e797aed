package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.INFERENCE;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.CRITICAL;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for failures inside sampling and decoding once everything loaded: NaN or infinite values
 * (black or noise frames), weights left on the meta device by offloading, and GPU faults that leave
 * the CUDA context unusable.
 */
final class InferenceRules {

    /** The GPU faulted: the CUDA context of the process cannot be used again. */
    static final Predicate<ErrorReport> GPU_FAULT_SIGNS = any(
            phrase("illegal memory access", "device-side assert triggered", "unspecified launch failure",
                    "cuda error: unknown error", "misaligned address", "illegal instruction", "fallen off the bus",
                    "cublas_status_execution_failed", "cudnn_status_execution_failed", "cudaerrorlaunchfailure",
                    "cuda error: launch failure", "floating point exception", "segmentation fault", "core dumped",
                    "cuda_error_illegal_address", "uncorrectable ecc error", "launch timed out"),
            pattern("\\bxid\\b[^\\n]{0,40}\\b(?:13|31|43|45|48|62|63|64|74|79|92|94|95)\\b"));

    /** What NaNs turn up in. */
    private static final String NUMBERS = "(?:latents?|outputs?|tensors?|values?|loss|pixels?|frames?|results?"
            + "|images?|videos?|samples?)";

    /** The words numeric libraries use for values that are not finite. */
    private static final String NOT_FINITE = "(?:nans?|infs?|infinity|infinite|-inf|\\+inf)";

    private static final Rule NAN =
            Rule.of("nan", "NAN_IN_OUTPUT", INFERENCE, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(phrase("invalid value encountered", "contains nan", "contain nan", "nan values",
                                    "nans detected", "nan detected", "detected nan", "produced nan", "inf or nan",
                                    "nan or inf", "`inf`, `nan`", "became nan", "all nan", "black frames",
                                    "black image", "black video"),
                            // "the result is total black", "all-black output": the picture NaNs decode to.
                            pattern("\\b(?:total(?:ly)?|all|completely|entirely|pure(?:ly)?|solid|just)[ -]black\\b"
                                    + "(?![ -]forest)|\\bblack (?:outputs?|results?|screens?|frames?)\\b"),
                            pattern("\\bnans?\\b[^\\n]{0,40}\\b" + NUMBERS + "\\b|\\b" + NUMBERS
                                    + "\\b[^\\n]{0,40}\\bnans?\\b"),
                            // "infs or NaNs", "NaN/Inf", "inf, nan": two kinds of non-finite value named together.
                            pattern("\\b" + NOT_FINITE + "\\W{0,3}(?:or|and|,|/)\\W{0,3}" + NOT_FINITE + "\\b"),
                            phrase("non-finite", "nonfinite", "not finite", "contains infinity", "infinite values",
                                    "isfinite", "overflow encountered", "value too large for dtype")))
                    .says("The computation produced NaN or infinite values[ in {node}][ for {model}], which"
                            + " decode to black or noise frames.")
                    .advises("Run the VAE in fp32 or bf16 instead of fp16 (ComfyUI --fp32-vae or --bf16-vae):"
                                    + " fp16 VAEs overflow on large frames.",
                            "Use bf16 rather than fp16 for the diffusion model and drop aggressive fp8 modes"
                                    + " such as fp8_e4m3fn_fast.",
                            "Lower cfg or change the sampler; if it happens only sometimes, retry with"
                                    + " another seed.");

    private static final Rule META_TENSOR =
            Rule.of("meta-tensor", "META_TENSOR", INFERENCE, ADJUST_AND_RETRY, MEDIUM)
                    .when(phrase("meta tensor", "tensor on device meta", "on the meta device", "is on meta"))
                    .says("Some weights were never loaded (still on the meta device)[ for {model}][ in {node}]:"
                            + " offloading or low-memory loading left them empty.")
                    .advises("Retry without sequential or group offload and without device_map, or with"
                                    + " low_cpu_mem_usage=False.",
                            "If it persists the checkpoint lacks those weights: use the complete checkpoint"
                                    + " for this variant.");

    private static final Rule CUDA_FAULT =
            Rule.of("cuda-fault", "CUDA_FAULT", INFERENCE, DO_NOT_RETRY, CRITICAL)
                    .when(GPU_FAULT_SIGNS)
                    .says("The GPU reported a fault[ in {node}][ for {model}]; the CUDA context of that"
                            + " process is unusable[: {excerpt}].")
                    .advises("Restart the backend process before anything else: every later CUDA call in it"
                                    + " fails.",
                            "If it repeats, run with CUDA_LAUNCH_BLOCKING=1 to find the failing operation, match"
                                    + " driver, CUDA, cuBLAS and cuDNN versions (HunyuanVideo recommends CUDA 12.4"
                                    + " for floating-point exceptions), and check GPU temperature and clocks.",
                            "A device-side assert usually means an index out of range, such as a bad token id"
                                    + " or mask.");

    private InferenceRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                NAN,
                META_TENSOR,
                CUDA_FAULT);
    }
}
