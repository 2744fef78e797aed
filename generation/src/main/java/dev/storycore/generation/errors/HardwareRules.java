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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for what this GPU and software stack cannot do: no CUDA at all, kernels not built for the
 * GPU's architecture, attention backends and precisions (fp8, bf16) the GPU lacks, operators a
 * device (Apple MPS) does not implement, an optional kernel that does not support this GPU's
 * generation, cuDNN without a kernel for an operation as configured, an optional attention kernel
 * crashing the GPU, and torch.compile failures. Some are fixed by a different setting
 * (ADJUST_AND_RETRY); missing kernels and drivers need a different installation (DO_NOT_RETRY).
 * Tensors split across devices or dtypes are tried here too, before the fp8 and precision rules that
 * would otherwise claim them, but they are inference failures: the GPU can do the work, the pipeline
 * placed or cast something wrongly.
 */
final class HardwareRules {

    /**
     * An optional attention or kernel package named anywhere in the report: a path, an import, a
     * warning it printed. These replace PyTorch's own attention, so switching back is an adjustment.
     */
    static final String ATTENTION_PACKAGES = "(?:sage[_ ]?attention\\w*|sageattn\\w*|sage_attn\\w*|spas_sage_attn\\w*"
            + "|_qattn\\w*|flash[_ ]?attn\\w*|flash[_ -]?attention\\s*\\d?|xformers|sparge_?attn\\w*"
            + "|radial_?attn\\w*)";

    /** "Input type (X) and weight type (Y)", with the two tensor types in groups 1 and 2. */
    private static final Pattern INPUT_WEIGHT_TYPES = Pattern.compile(
            "input type \\(([^)]*)\\) and (?:weight|bias) type \\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

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
                                    "gpu is too old", "cudnn_status_arch_mismatch", "not_supported_arch_mismatch"),
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
                            pattern("expected is_sm\\d+\\w*(?:\\s*\\|\\|\\s*is_sm\\d+\\w*)* to be true"),
                            phrase("no available kernel. aborting execution",
                                    "no operator found for `memory_efficient_attention",
                                    "no operator found for memory_efficient_attention"),
                            pattern("(?:flash.?attn|flash.?attention|sage.?attention|sageattn|xformers"
                                    + "|memory.efficient.attention|scaled_dot_product|sdpa)[^\\n]{0,80}"
                                    + "(?:not supported|unsupported|only supports?|requires (?:an? )?(?:ampere"
                                    + "|hopper|ada|turing|sm_?\\d|compute capability|gpu))"),
                            // The kernel package cannot tell it fits this GPU: "sageattention is not new enough
                            // version or could not determine CUDA architecture".
                            pattern(ATTENTION_PACKAGES + "[^\\n]{0,80}(?:not new enough|(?:could not|couldn't|cannot"
                                    + "|unable to|failed to) (?:determine|detect) (?:the )?(?:cuda|gpu|compute)"
                                    + " (?:architecture|capability|arch)|unsupported (?:cuda|gpu) arch)")))
                    .reads(Facts.firstOf("backend", "(flash ?attention\\s*\\d?|flash_attn|sage ?attention|sageattn"
                            + "|xformers|memory_efficient_attention|scaled_dot_product_attention)"))
                    .says("The attention backend[ {backend}] does not run on this GPU[ for {model}][ ({node})].")
                    .advises("Switch attention to PyTorch SDPA (attention_mode sdpa) and retry.",
                            "FlashAttention 2 needs Ampere (RTX 30xx, A100) or newer; FlashAttention 3 needs"
                                    + " Hopper (H100).");

    private static final Rule ATTENTION_KERNEL_FAULT =
            Rule.of("attention-kernel-fault", "ATTENTION_KERNEL_FAULT", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY,
                            HIGH)
                    // Not a start-up banner such as "xformers version: 0.0.28", which names an installed
                    // package that may not be in use.
                    .when(all(InferenceRules.GPU_FAULT_SIGNS, pattern(ATTENTION_PACKAGES + "(?!\\s*version\\b)")))
                    .reads(Facts.firstOf("backend", "(" + ATTENTION_PACKAGES + ")"))
                    .says("The GPU faulted while an optional attention kernel was in use[ ({backend})][ for {model}]"
                            + "[ in {node}]; the CUDA context of that process is unusable.")
                    .advises("Restart the backend process, then retry with attention switched to PyTorch SDPA"
                                    + " (attention_mode sdpa, or without --use-sage-attention).",
                            "Optional kernels are built for one torch, CUDA and GPU generation: reinstall a build"
                                    + " that matches all three before turning it back on.",
                            "If the fault repeats with SDPA, it is not the attention kernel: treat it as a GPU"
                                    + " fault (drivers, CUDA_LAUNCH_BLOCKING=1).");

    private static final Rule DEVICE_MISMATCH =
            Rule.of("device-mismatch", "DEVICE_MISMATCH", INFERENCE, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(phrase("expected all tensors to be on the same device",
                                    "should be either on cpu or on the same device",
                                    "tensors on different devices", "device type for generator"),
                            pattern("\\b(?:on|device)\\s+(?:cpu|cuda(?::\\d+)?|mps)\\b[^\\n]{0,60}\\b(?:expected"
                                    + "|but got|different from)[^\\n]{0,40}\\b(?:cpu|cuda|gpu|mps)\\b"),
                            HardwareRules::inputAndWeightOnDifferentDevices,
                            pattern("found at least two devices")))
                    .reads(Facts.all(Facts.capture("two devices, (\\S+?) and (\\S+?)[!.,\\s]", "deviceA", "deviceB"),
                            HardwareRules::inputAndWeightDevices))
                    .says("Tensors ended up on different devices[ ({deviceA} and {deviceB})][ in {node}]"
                            + "[ for {model}]: part of the model or an input stayed behind during offloading.")
                    .advises("Retry with another offload mode: plain model offload instead of sequential or"
                                    + " group offload, or none if it fits.",
                            "Turn off custom placement (force_offload, block swap, --lowvram) one at a time to"
                                    + " find the part left behind.",
                            "Update the custom node or diffusers: these are usually offload-hook bugs.");

    private static final Rule DTYPE_MISMATCH =
            Rule.of("dtype-mismatch", "DTYPE_MISMATCH", INFERENCE, ADJUST_AND_RETRY, MEDIUM)
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
                    .when(all(any(pattern("not implemented for '?float8"),
                                    pattern("float8_e[45]m[23]\\w*'? (?:is )?(?:not supported|unsupported)"),
                                    pattern("(?:fp8|float8|_scaled_mm)[^\\n]{0,120}(?:compute capability|only supported"
                                            + "|not supported|unsupported|requires)")),
                            // "fp8 scaled is not supported by this node": software refusing a file, not the GPU.
                            not(pattern("(?:not supported|unsupported) (?:by|in|with) (?:this|the) (?:node|loader"
                                    + "|wrapper|custom node)\\b"))))
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

    private static final Rule DEVICE_OPERATION_UNSUPPORTED =
            Rule.of("device-operation-unsupported", "DEVICE_OPERATION_UNSUPPORTED", HARDWARE_OPTIMIZATION,
                            ADJUST_AND_RETRY, HIGH)
                    .when(any(pattern("not (?:currently )?implemented for (?:the )?'?(?:mps|xpu|privateuseone|dml"
                                    + "|directml)'? (?:device|backend)"),
                            pattern("\\b(?:mps|xpu|directml)\\b[^\\n]{0,40}\\b(?:does not|doesn't) support\\b"),
                            pattern("(?:not supported|unsupported) (?:on|by|for) (?:the )?(?:mps|xpu|directml)\\b")))
                    .reads(Facts.all(Facts.capture("operator '([^']+)'", "operator"),
                            Facts.firstOf("device", "\\b(mps|xpu|privateuseone|directml|dml)\\b")))
                    .says("The[ {device}] device does not implement an operation the model needs[ ({operator})]"
                            + "[ for {model}][ in {node}].")
                    .advises("On Apple silicon set PYTORCH_ENABLE_MPS_FALLBACK=1 so missing operators run on the"
                                    + " CPU, and retry.",
                            "Upgrade PyTorch: each release implements more operators on these devices.",
                            "Or run the job on a CUDA worker.");

    private static final Rule GPU_ARCH_UNSUPPORTED =
            Rule.of("gpu-arch-unsupported", "GPU_ARCH_UNSUPPORTED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, HIGH)
                    // A library choosing kernels per GPU generation says which ones it has; PyTorch's own
                    // missing kernels ("no kernel image") are KERNEL_UNSUPPORTED above.
                    .when(any(pattern("\\bunsupported (?:cuda |gpu |device )?(?:architecture|arch"
                                    + "|compute capability)\\b"),
                            pattern("\\b(?:architecture|arch)\\W{0,3}sm_?\\d{2,3}\\w?\\W{0,3}(?:is )?"
                                    + "(?:not supported|unsupported)"),
                            pattern("\\bsm_?\\d{2,3}\\w? kernels? (?:is |are )?(?:not available|unavailable"
                                    + "|not (?:built|compiled|found|supported))"),
                            pattern("\\b(?:requires?|needs?|only (?:runs|works) on|make sure you have)\\b[^\\n]{0,40}"
                                    + "\\bgpus? with (?:a )?compute capability\\b"),
                            pattern("\\b(?:requires?|needs?)\\b[^\\n]{0,30}\\b(?:compute capability|cuda capability)"
                                    + "\\s*(?:of\\s*)?(?:>=?\\s*)?\\d+\\.\\d")))
                    .reads(Facts.firstOf("arch", "\\b(sm_?\\d{2,3}\\w?)\\b",
                            "compute capability\\s*(?:of\\s*)?(?:>=?\\s*)?(\\d+\\.\\d)"))
                    .says("A kernel this job uses does not support this GPU's architecture[ ({arch})][ for {model}]"
                            + "[ in {node}].")
                    .advises("Turn the feature that needs it off and retry: attention_mode sdpa instead of"
                                    + " SageAttention or FlashAttention, no fp8 fast matmul, no compile.",
                            "Or run on a GPU of the generation it names (compute capability 8.0 Ampere, 8.9 Ada,"
                                    + " 9.0 Hopper, 12.0 Blackwell).");

    private static final Rule CUDNN_UNSUPPORTED =
            Rule.of("cudnn-unsupported", "CUDNN_UNSUPPORTED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, HIGH)
                    .when(any(pattern("\\bcudnn_status_not_supported\\b(?!_arch)"),
                            phrase("no execution plans support the graph", "no valid execution plans built")))
                    .says("cuDNN has no kernel for this operation as configured[ in {node}][ for {model}]: usually a"
                            + " very large video convolution, an unusual dtype, or a non-contiguous input.")
                    .advises("Make the operation smaller: decode the VAE in tiles, or fewer frames or a lower"
                                    + " resolution.",
                            "Run that step in bf16 or fp32, or with cuDNN off for it (torch.backends.cudnn.enabled"
                                    + " = False).",
                            "Upgrade cuDNN (it comes with the PyTorch wheel) if it happens at ordinary sizes.");

    private static final Rule COMPILE_FAILED =
            Rule.of("compile-failed", "COMPILE_FAILED", HARDWARE_OPTIMIZATION, ADJUST_AND_RETRY, MEDIUM)
                    // A module that fails to import names torch._inductor in its path without compiling
                    // anything: that is a library mismatch, left to the loading rules.
                    .when(all(any(type("BackendCompilerFailed", "InductorError", "CompilationError"),
                                    phrase("torch._dynamo", "torch._inductor",
                                            "cannot find a working triton installation", "triton compilation failed",
                                            "torch.compile"),
                                    pattern("\\btriton\\b[^\\n]{0,80}(?:error|failed)")),
                            not(all(pattern("\\bcannot import name\\b|\\bfailed to import\\b"),
                                    not(type("BackendCompilerFailed", "InductorError", "CompilationError"))))))
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
                ATTENTION_KERNEL_FAULT,
                DEVICE_MISMATCH,
                DTYPE_MISMATCH,
                FP8_UNSUPPORTED,
                PRECISION_UNSUPPORTED,
                DEVICE_OPERATION_UNSUPPORTED,
                GPU_ARCH_UNSUPPORTED,
                CUDNN_UNSUPPORTED,
                COMPILE_FAILED);
    }

    /** "Input type (X) and weight type (Y)" where X and Y name different devices, whatever their dtypes. */
    private static boolean inputAndWeightOnDifferentDevices(ErrorReport report) {
        Map<String, String> devices = inputAndWeightDevices(report);
        return !devices.isEmpty() && !devices.get("deviceA").equals(devices.get("deviceB"));
    }

    /** The devices of the input and weight types, when both types say (or imply) one. */
    private static Map<String, String> inputAndWeightDevices(ErrorReport report) {
        Matcher m = INPUT_WEIGHT_TYPES.matcher(report.text());
        if (!m.find()) {
            return Map.of();
        }
        String input = device(m.group(1));
        String weight = device(m.group(2));
        return input.isEmpty() || weight.isEmpty() ? Map.of() : Map.of("deviceA", input, "deviceB", weight);
    }

    /**
     * The device a PyTorch tensor type names: legacy {@code torch.cuda.HalfTensor} /
     * {@code torch.HalfTensor} (CPU) and ATen's {@code CUDABFloat16Type} / {@code CPUBFloat16Type};
     * empty for a bare dtype such as {@code c10::BFloat16}, which says nothing about the device.
     */
    private static String device(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        for (String device : List.of("cuda", "mps", "xpu", "hip")) {
            if (t.startsWith(device) || t.contains("." + device + ".")) {
                return device.equals("hip") ? "cuda" : device;
            }
        }
        if (t.startsWith("cpu") || t.matches("torch\\.\\w+tensor")) {
            return "cpu";
        }
        return "";
    }
}
