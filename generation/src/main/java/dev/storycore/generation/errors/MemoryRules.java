package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.HOST_MEMORY;
import static dev.storycore.generation.errors.GenerationErrorCategory.MEMORY_MANAGEMENT;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.javaType;
import static dev.storycore.generation.errors.When.node;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Severity.HIGH;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for memory running out, host first: a CPU-allocator or killed-worker report must not be
 * taken for a GPU one, and GPU wordings are many (caching allocator, cudaMallocAsync's "Allocation
 * on device", CUDA runtime errors, cuBLAS/cuDNN allocation failures, ROCm, Apple MPS and Metal,
 * Intel oneAPI, OpenCL, Vulkan, DirectML and ggml backends).
 */
final class MemoryRules {

    /**
     * Windows' name for its paging file in the languages its messages come in. The paging file only
     * appears in an error when it (and so the commit limit for RAM) ran out.
     */
    private static final Predicate<ErrorReport> PAGING_FILE = phrase("paging file", "pagefile", "page file",
            "fichier de pagination", "auslagerungsdatei", "archivo de paginación", "file di paging",
            "arquivo de paginação", "ficheiro de paginação", "wisselbestand", "plik stronicowania",
            "stránkovací soubor", "växlingsfil", "sivutustiedosto", "lapozófájl", "файл подкачки",
            "页面文件", "分页文件", "頁面檔案", "分頁檔", "ページング ファイル", "ページングファイル",
            "페이징 파일");

    /** System RAM, not the GPU: the CPU allocator, numpy, the OS, the JVM. */
    static final Predicate<ErrorReport> HOST_OOM_SIGNS = any(
            phrase("defaultcpuallocator", "alloc_cpu", "cannot allocate memory", "can't allocate memory",
                    "java heap space", "gc overhead limit exceeded", "java.lang.outofmemoryerror",
                    "not enough memory resources", "insufficient system resources", "commitment limit", "enomem"),
            PAGING_FILE,
            // Windows error codes, whatever the language of the text beside them: 1455 the paging file
            // (commit limit) is too small, 1450 insufficient system resources, 8 not enough memory.
            pattern("\\b(?:os error|winerror|windows error|error code)\\W{0,2}(?:1455|1450)\\b"
                    + "|\\bwinerror\\W{0,2}8\\b"),
            // The C++ allocator; thrust reports GPU allocations through the same exception type.
            all(phrase("std::bad_alloc"), not(phrase("thrust", "cuda"))),
            pattern("unable to allocate .{0,60}for an array"),
            // numpy's "cannot allocate array memory", page-locked (pinned) host buffers.
            pattern("(?:cannot|can't|unable to|could not|couldn't|failed to) allocate (?:array|host|cpu|system"
                    + "|pinned(?: host)?) memory"),
            // "not enough RAM", "unsufficient RAM", "lack of system memory"; never VRAM.
            pattern("(?:out of|not enough|(?:in|un)sufficient|too little|ran out of|lack of)\\s+"
                    + "(?:(?:system|host|cpu)\\s+memory|(?:(?:system|host|cpu|physical)\\s+)?ram\\b)"),
            // An application's advice to shrink the RAM it reserves (pinned) for offloaded weights.
            pattern("\\breserved ram\\b[^\\n]{0,40}\\b(?:should|must|needs? to) be (?:reduced|lowered|decreased)"
                    + "|\\breduce (?:the )?reserved ram\\b"),
            // Vulkan, Level Zero, OpenCL and SYCL: VK_ERROR_OUT_OF_HOST_MEMORY and its siblings.
            pattern("(?:\\b|_)out[ _]of[ _]host[ _]memory|outofhostmemory"),
            pattern("(?:system|host|cpu)\\s+(?:memory|ram)\\s+(?:is\\s+)?(?:exhausted|full)"),
            type("MemoryError", "_ArrayMemoryError"),
            javaType("java.lang.OutOfMemoryError"));

    /** The operating system killed the worker, nearly always the out-of-memory killer. */
    static final Predicate<ErrorReport> KILLED_SIGNS = any(
            // A line ending in "Killed", as the shell prints it after the kernel killed the process, even
            // when the reporter trails it with dots ("ksampler 100% Killed .....").
            pattern("^.*\\bkilled(?::\\s*9)?[\\s.…!]*$"),
            pattern("\\bkilled\\s+(?:process|python\\S*|\\S*main\\.py)"),
            phrase("sigkill", "oom-kill", "oomkilled", "oom killer", "oom_kill", "out of memory: kill",
                    "exit code 137", "exit status 137", "exitcode 137", "exited with code 137",
                    "signals.sigkill", "returncode -9", "return code -9", "exit code -9", "exitcode: -9",
                    "exitcode -9", "signal 9"));

    /** Device memory ran out. Checked after {@link #HOST_OOM_SIGNS}, so a bare "out of memory" means the GPU. */
    static final Predicate<ErrorReport> GPU_OOM_SIGNS = any(
            type("OutOfMemoryError", "OutOfMemoryException"),
            // Also written as one word or a vendor constant: Apple's
            // kIOGPUCommandBufferCallbackErrorOutOfMemory, oneAPI's UR_RESULT_ERROR_OUT_OF_DEVICE_MEMORY,
            // hipErrorOutOfMemory, VK_ERROR_OUT_OF_DEVICE_MEMORY.
            pattern("(?:\\b|_)out[ _]of[ _](?:(?:device|gpu|video)[ _])?memory|outof(?:device|gpu|video)?memory"
                    + "|\\boom\\b"),
            // OpenCL and SYCL runtimes report a device allocation that failed as running out of resources.
            pattern("\\b(?:pi|ur|cl|ze)_(?:result_)?(?:error_)?out_of_resources\\b"
                    + "|\\bcl_mem_object_allocation_failure\\b"),
            // Names the device, "CUDA0" and "Vulkan0" (ggml backends) included.
            pattern("(?:failed|unable|could not|couldn't|cannot) (?:to )?allocate[^\\n]{0,80}"
                    + "\\b(?:gpu|cuda|device|vram|metal|vulkan|sycl|rocm|hip|xpu|mps|dml|directml)\\d*\\b"),
            phrase("allocation on device", "cublas_status_alloc_failed", "cudnn_status_alloc_failed",
                    "cudaerrormemoryallocation", "unable to find a valid cudnn algorithm",
                    "not enough vram", "insufficient vram", "vram exhausted", "ran out of vram",
                    "out of vram", "gpu memory is full", "exceeds available vram"),
            pattern("(?:not enough|insufficient)\\s+(?:gpu|device|video|cuda|vram)\\s+memory"),
            // "The GPU does not have enough memory", "VRAM insufficient", "ran out of video memory".
            pattern("\\b(?:gpu|vram|cuda|video memory|device memory)\\b[^\\n.]{0,60}\\b(?:not (?:have )?enough"
                    + "|insufficient|exhausted|ran out|too little|too small)\\b"),
            pattern("\\b(?:not enough|insufficient|ran out of|too little)\\b[^\\n.]{0,30}"
                    + "\\b(?:gpu|vram|cuda|video memory|device memory)\\b"));

    private static final Predicate<ErrorReport> IN_VAE = any(
            node(NodeKind.VAE_DECODE, NodeKind.VAE_ENCODE),
            pattern("(?:vae|autoencoder)[^\\n]{0,80}\\b(?:decode|encode|tiled_decode)"),
            pattern("\\b(?:decode|encode)[^\\n]{0,40}\\bvae\\b"));

    private static final Predicate<ErrorReport> IN_TEXT_ENCODER = any(
            node(NodeKind.TEXT_ENCODER),
            pattern("text[_ ]?encoder[^\\n]{0,60}(?:encode|forward)"),
            pattern("\\bencode_(?:prompt|text|from_tokens|token_weights)\\b"));

    private static final Predicate<ErrorReport> ASYNC_ALLOCATOR = any(
            phrase("allocation on device", "would exceed allowed memory", "cudamallocasync"),
            all(phrase("currently allocated"), phrase("device limit")));

    /** PyTorch's CUDA allocators by name, as their asserts and warnings print them. */
    private static final Predicate<ErrorReport> CUDA_ALLOCATOR = any(
            phrase("cudamallocasync", "mallocasyncallocator"),
            pattern("\\bcuda(?:caching|mallocasync)allocator\\b"));

    /** The allocator gave up: an internal check failed, or the process aborted after a failed allocation. */
    private static final Predicate<ErrorReport> ALLOCATOR_BROKE = any(
            phrase("internal assert failed", "assertion failed", "fatal python error", "aborted", "core dumped"),
            pattern("\\ballocation failure\\b"));

    private static final String OOM_NUMBERS =
            "[: tried to allocate {requested}][ with {free} free][ of {capacity}][ ({allocated} in use)]";
    private static final String SHORTFALL =
            "[About {shortfall} more was needed than was free: cut peak memory by at least that much.]";
    private static final String FREE_BETWEEN_JOBS =
            "Free memory between jobs (ComfyUI POST /free with unload_models and free_memory true) and stop"
                    + " other processes using the GPU.";

    private static final Rule WORKER_KILLED =
            Rule.of("worker-killed", "WORKER_KILLED", HOST_MEMORY, ADJUST_AND_RETRY, HIGH)
                    .when(KILLED_SIGNS)
                    .says("The worker process was killed by the operating system[ while running {model}],"
                            + " almost always because system RAM ran out.")
                    .advises("Give the machine or container more RAM or swap; video models stage their"
                                    + " weights in RAM while loading.",
                            "Use fp8 or smaller checkpoints and load one large model at a time.",
                            "CPU offload moves weights into RAM: with little RAM prefer lower resolution or"
                                    + " fewer frames over more offload.",
                            "Restart the backend before retrying; the killed job is gone.");

    private static final Rule HOST_OOM =
            Rule.of("host-oom", "HOST_OOM", HOST_MEMORY, ADJUST_AND_RETRY, HIGH)
                    .when(HOST_OOM_SIGNS)
                    .says("System RAM ran out[ while running {model}][ in {node}]"
                            + "[: tried to allocate {requested}].")
                    .advises("Close other programs or give the machine more RAM or swap (on Windows, a larger"
                                    + " paging file).",
                            "Load smaller weights (fp8 checkpoints, fp8 text encoder) and fewer models at once.",
                            "CPU offload and a text encoder on the CPU trade VRAM for RAM: undo them if RAM is"
                                    + " the limit.",
                            "If the JVM itself ran out, raise its heap with -Xmx.");

    private static final Rule GPU_OOM_VAE =
            Rule.of("gpu-oom-vae", "GPU_OOM_VAE", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
                    .when(all(GPU_OOM_SIGNS, IN_VAE))
                    .says("GPU out of memory in the VAE[ ({node})][ for {model}]" + OOM_NUMBERS + ".")
                    .advises("Decode in tiles: VAEDecodeTiled, or vae.enable_tiling() in diffusers; if tiled"
                                    + " decoding already failed, lower tile_size and temporal_size.",
                            "Decode fewer frames at a time, or reduce the frame count or resolution.",
                            SHORTFALL,
                            FREE_BETWEEN_JOBS);

    private static final Rule GPU_OOM_TEXT_ENCODER =
            Rule.of("gpu-oom-text-encoder", "GPU_OOM_TEXT_ENCODER", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
                    .when(all(GPU_OOM_SIGNS, IN_TEXT_ENCODER))
                    .says("GPU out of memory while encoding the prompt[ ({node})][ for {model}]" + OOM_NUMBERS
                            + ".")
                    .advises("Run the text encoder on the CPU (CLIPLoader device cpu; --t5_cpu for Wan) or"
                                    + " load its fp8 file.",
                            "Unload the diffusion model before encoding, or start ComfyUI with --lowvram.",
                            FREE_BETWEEN_JOBS);

    private static final Rule GPU_OOM_ASYNC =
            Rule.of("gpu-oom-async", "GPU_OOM_ASYNC_ALLOCATOR", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
                    .when(all(GPU_OOM_SIGNS, ASYNC_ALLOCATOR))
                    .says("GPU out of memory (cudaMallocAsync allocator)[ in {node}][ running {model}]"
                            + OOM_NUMBERS + ".")
                    .advises("Reduce peak memory: fewer frames or a lower resolution first, then fp8 weights"
                                    + " and tiled VAE decoding.",
                            "Offload: model CPU offload, or ComfyUI --lowvram; keep the text encoder on the"
                                    + " CPU.",
                            SHORTFALL,
                            "If memory looks free but allocations still fail, start ComfyUI with"
                                    + " --disable-cuda-malloc.",
                            FREE_BETWEEN_JOBS);

    private static final Rule GPU_OOM =
            Rule.of("gpu-oom", "GPU_OOM", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
                    .when(GPU_OOM_SIGNS)
                    .says("GPU out of memory[ in {node}][ running {model}]" + OOM_NUMBERS + ".")
                    .advises("Reduce peak memory: fewer frames or a lower resolution first (memory grows with"
                                    + " width x height x frames).",
                            "Load the diffusion model in fp8 (weight_dtype fp8_e4m3fn or an fp8_scaled file)"
                                    + " and decode with VAEDecodeTiled.",
                            "Offload: model CPU offload (--offload_model, enable_model_cpu_offload) or ComfyUI"
                                    + " --lowvram; keep the text encoder on the CPU.",
                            SHORTFALL,
                            "[{reserved} was reserved but unallocated: set"
                                    + " PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True against fragmentation.]",
                            FREE_BETWEEN_JOBS);

    private static final Rule CUDA_ALLOCATOR_FAILED =
            Rule.of("cuda-allocator-failed", "CUDA_ALLOCATOR_FAILED", MEMORY_MANAGEMENT, ADJUST_AND_RETRY, HIGH)
                    .when(all(CUDA_ALLOCATOR, ALLOCATOR_BROKE))
                    .says("PyTorch's CUDA memory allocator failed[ in {node}][ running {model}]: its bookkeeping"
                            + " broke or the process aborted after an allocation failed, which happens when GPU"
                            + " memory runs close to full.")
                    .advises("Restart the backend with the native allocator (ComfyUI --disable-cuda-malloc) if"
                                    + " it used cudaMallocAsync.",
                            "Lower peak memory before retrying: fewer frames or a lower resolution, fp8 weights,"
                                    + " tiled VAE decoding or offloading.",
                            FREE_BETWEEN_JOBS);

    private MemoryRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                WORKER_KILLED,
                HOST_OOM,
                GPU_OOM_VAE,
                GPU_OOM_TEXT_ENCODER,
                GPU_OOM_ASYNC,
                GPU_OOM,
                CUDA_ALLOCATOR_FAILED);
    }
}
