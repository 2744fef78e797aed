package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.HARDWARE_OPTIMIZATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.INFERENCE;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.CRITICAL;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;

/**
 * Rules for what this GPU and software stack cannot do: no CUDA at all, kernels not built for the
 * GPU's architecture, attention backends and precisions (fp8, bf16) the GPU lacks, tensors split
 * across devices or dtypes, and torch.compile failures. Some are fixed by a different setting
 * (ADJUST_AND_RETRY); missing kernels and drivers need a different installation (DO_NOT_RETRY).
 */
final class HardwareRules {

    private static final Rule CUDA_UNAVAILABLE =
            Rule.of("cuda-unavailable", "CUDA_UNAVAILABLE", HARDWARE_OPTIMIZATION, DO_NOT_RETRY, CRITICAL)
                    .when(any(phrase("torch not compiled with cuda enabled", "found no nvidia driver",
                                    "no cuda gpus are available", "driver version is insufficient",
                                    "nvidia driver on your system is too old", "no cuda-capable device",
                                    "cuda driver initialization failed", "cuda is not available",
                                    "cuda_error_no_device", "nvml: driver/library version mismatch"),
                            pattern("lib(?:cuda|cudart|cudnn|cublas|cublaslt|nccl|nvrtc|nvjitlink)[\\w.\\-]*:"
                                    + " cannot open shared object file")))
                    .says("No usable CUDA GPU[ for {model}]: {excerpt}")
                    .advises("Install a CUDA-enabled PyTorch build and an NVIDIA driver at least as new as its"
                                    + " CUDA version; check with nvidia-smi.",
                            "In containers, start with GPU access (--gpus all and the NVIDIA container"
                                    + " toolkit).",
                            "Retrying on this machine fails the same way; run on a GPU worker.");

    private static final Rule KERNEL_UNSUPPORTED =
            Rule.of("kernel-unsupported", "KERNEL_UNSUPPORTED", HARDWARE_OPTIMIZATION, DO_NOT_RETRY, CRITICAL)
                    .when(any(phrase("no kernel image is available", "invalid device function",
                                    "not compatible with the current pytorch installation",
                                    "cudaerrornokernelimagefordevice", "no longer supports this gpu",
                                    "gpu is too old"),
                            pattern("sm_\\d+ is not compatible"),
                            all(pattern("(?:cuda|compute) capability[^\\n]{0,120}\\b(?:no longer supports?|not"
                                            + " supported|too old|minimum)"),
                                    not(phrase("fp8", "float8", "bf16", "bfloat16", "attention", "_scaled_mm")))))
                    .reads(Facts.capture("\\b(sm_\\d+)\\b", "arch"))
                    .says("This PyTorch build has no GPU code for this GPU[ ({arch})][ in {node}][ for {model}]:"
                            + " its kernels were compiled for other architectures.")
                    .advises("Install a PyTorch build compiled for this GPU: RTX 50-series (Blackwell, sm_120)"
                                    + " needs CUDA 12.8 or newer wheels; old GPUs need builds that still include"
                                    + " their architecture.",
                            "Rebuild or reinstall compiled extensions (sageattention, xformers, flash-attn)"
                                    + " for the same GPU.",
                            "Retrying on this machine fails the same way; another GPU type would work.");

    private static final Rule ATTENTION_UNSUPPORTED =
            Rule.of("attention-unsupported", "ATTENTION_UNSUPPORTED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY,
                            HIGH)
                    .when(any(pattern("flash ?attention[^\\n]{0,40}only supports?"),
                            phrase("no available kernel. aborting execution",
                                    "no operator found for `memory_efficient_attention",
                                    "no operator found for memory_efficient_attention"),
                            pattern("(?:flash.?attn|flash.?attention|sage.?attention|sageattn|xformers"
                                    + "|memory.efficient.attention|scaled_dot_product|sdpa)[^\\n]{0,80}"
                                    + "(?:not supported|unsupported|only supports?|requires (?:an? )?(?:ampere"
                                    + "|hopper|ada|turing|sm_?\\d|compute capability|gpu))")))
                    .reads(Facts.firstOf("backend", "(flash ?attention\\s*\\d?|flash_attn|sage ?attention|sageattn"
                            + "|xformers|memory_efficient_attention|scaled_dot_product_attention)"))
                    .says("The attention backend[ {backend}] does not run on this GPU[ for {model}][ ({node})].")
                    .advises("Switch attention to PyTorch SDPA (attention_mode sdpa) and retry.",
                            "FlashAttention 2 needs Ampere (RTX 30xx, A100) or newer; FlashAttention 3 needs"
                                    + " Hopper (H100).");

    private static final Rule DEVICE_MISMATCH =
            Rule.of("device-mismatch", "DEVICE_MISMATCH", INFERENCE, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(phrase("expected all tensors to be on the same device",
                                    "should be either on cpu or on the same device",
                                    "tensors on different devices", "device type for generator"),
                            pattern("\\b(?:on|device)\\s+(?:cpu|cuda(?::\\d+)?|mps)\\b[^\\n]{0,60}\\b(?:expected"
                                    + "|but got|different from)[^\\n]{0,40}\\b(?:cpu|cuda|gpu|mps)\\b"),
                            pattern("input type \\(torch\\.cuda\\.\\w+\\) and weight type"
                                    + " \\(torch\\.(?!cuda)\\w+\\)|input type \\(torch\\.(?!cuda)\\w+\\) and"
                                    + " weight type \\(torch\\.cuda\\.\\w+\\)"),
                            pattern("found at least two devices")))
                    .reads(Facts.capture("two devices, (\\S+?) and (\\S+?)[!.,\\s]", "deviceA", "deviceB"))
                    .says("Tensors ended up on different devices[ ({deviceA} and {deviceB})][ in {node}]"
                            + "[ for {model}]: part of the model or an input stayed behind during offloading.")
                    .advises("Retry with another offload mode: plain model offload instead of sequential or"
                                    + " group offload, or none if it fits.",
                            "Turn off custom placement (force_offload, block swap, --lowvram) one at a time to"
                                    + " find the part left behind.",
                            "Update the custom node or diffusers: these are usually offload-hook bugs.");

    private static final Rule DTYPE_MISMATCH =
            Rule.of("dtype-mismatch", "DTYPE_MISMATCH", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("input type \\([^)]*\\) and (?:bias|weight) type \\([^)]*\\) should be"
                                    + " the same"),
                            pattern("expected scalar type \\w+ but found \\w+"),
                            pattern("expected (?:mat1 and mat2|both \\w+|\\w+ and \\w+) to have the same dtype"),
                            phrase("must have the same dtype", "dtype mismatch", "to have the same dtype",
                                    "promotion for float8")))
                    .reads(Facts.all(
                            Facts.capture("input type \\((?:struct )?(?:c10::)?([^)]*)\\) and (?:bias|weight) type"
                                    + " \\((?:struct )?(?:c10::)?([^)]*)\\)", "dtypeA", "dtypeB"),
                            Facts.capture("expected scalar type (\\w+) but found (\\w+)", "dtypeA", "dtypeB")))
                    .says("Mixed precisions in one operation[ ({dtypeA} vs {dtypeB})][ in {node}][ for {model}]:"
                            + " some weights or inputs were not cast to the compute dtype.")
                    .advises("Use one precision end to end: bf16 (or fp16) weights, or fp8 weights only where"
                                    + " the loader upcasts them.",
                            "For fp8 files choose the loader's weight_dtype matching the file, or the"
                                    + " fp8_scaled variant; Wan's --convert_model_dtype casts parameters to one"
                                    + " dtype.");

    private static final Rule FP8_UNSUPPORTED =
            Rule.of("fp8-unsupported", "FP8_UNSUPPORTED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, HIGH)
                    .when(any(pattern("not implemented for '?float8"),
                            pattern("float8_e[45]m[23]\\w*'? (?:is )?(?:not supported|unsupported)"),
                            pattern("(?:fp8|float8|_scaled_mm)[^\\n]{0,120}(?:compute capability|only supported"
                                    + "|not supported|unsupported|requires)")))
                    .reads(Facts.capture("'?(float8_e[45]m[23]\\w*)", "dtype"))
                    .says("fp8 weights or math are not supported here[ ({dtype})][ for {model}][ in {node}].")
                    .advises("Load bf16 or fp16 weights, or set the loader's weight_dtype to default.",
                            "fp8 matrix multiplies (fp8_e4m3fn_fast, torch._scaled_mm) need Ada (sm_89) or"
                                    + " Hopper (sm_90); older GPUs can only store fp8.",
                            "PyTorch before 2.1 has no float8 types: upgrade it.");

    private static final Rule PRECISION_UNSUPPORTED =
            Rule.of("precision-unsupported", "PRECISION_UNSUPPORTED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY,
                            HIGH)
                    .when(any(pattern("not implemented for '(?:bfloat16|half|complexhalf|float16)'"),
                            pattern("(?:bf16|bfloat16)[^\\n]{0,80}(?:not supported|only supported|unsupported"
                                    + "|requires)"),
                            phrase("does not support bfloat16", "does not support bf16")))
                    .reads(Facts.firstOf("dtype", "not implemented for '(\\w+)'", "(bfloat16|bf16)"))
                    .says("The[ {dtype}] precision is not supported by this device or operation[ for {model}]"
                            + "[ in {node}].")
                    .advises("Use fp16 on GPUs without bf16 (before Ampere) and fp32 on the CPU.",
                            "If the operation ran on the CPU by mistake, check the offload settings.");

    private static final Rule COMPILE_FAILED =
            Rule.of("compile-failed", "COMPILE_FAILED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(type("BackendCompilerFailed", "InductorError", "CompilationError"),
                            phrase("torch._dynamo", "torch._inductor", "cannot find a working triton installation",
                                    "triton compilation failed", "torch.compile"),
                            pattern("\\btriton\\b[^\\n]{0,80}(?:error|failed)")))
                    .says("Compiling the model failed[ ({exception})][ for {model}]: {excerpt}")
                    .advises("Retry with torch.compile turned off (remove the compile node or option).",
                            "Install a Triton build matching torch (triton-windows on Windows) if compiling is"
                                    + " wanted.");

    private HardwareRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                CUDA_UNAVAILABLE,
                KERNEL_UNSUPPORTED,
                ATTENTION_UNSUPPORTED,
                DEVICE_MISMATCH,
                DTYPE_MISMATCH,
                FP8_UNSUPPORTED,
                PRECISION_UNSUPPORTED,
                COMPILE_FAILED);
    }
}
