package dev.storycore.generation.backend.sim;

import dev.storycore.generation.request.GenerationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Out-of-memory reports in the wordings real stacks print, with the simulated numbers: PyTorch's
 * caching allocator (the wording since 2.1, with "this process" or with a process id, and the older
 * parenthesised one), the cudaMallocAsync statistics block, its bare "Allocation on device" form,
 * a CUDA runtime "out of memory", a diffusers script's traceback, and the CPU allocator's two
 * wordings (Windows and Linux) for system RAM. Every number is consistent: the failed request is
 * larger than what was free, and what was in use plus what was free is the capacity minus what other
 * processes hold.
 */
final class MemoryReports {

    static final String TIPS = "\nThis error means you ran out of memory on your GPU.\n\n"
            + "TIPS: If the workflow worked before you might have accidentally set the batch_size to a large number.";

    private static final String DIFFUSERS = "/usr/lib/python3/site-packages/diffusers/";

    /** Ways to word a GPU out-of-memory error; the table below weighs them. */
    enum GpuWording { CACHING_JSON, CACHING_PROCESS_JSON, ASYNC_JSON, SCRIPT_TRACEBACK, OLD_CACHING_TEXT,
        ASYNC_BARE_JSON, CUDA_RUNTIME_JSON }

    private static final List<GpuWording> TABLE = List.of(GpuWording.CACHING_JSON, GpuWording.CACHING_JSON,
            GpuWording.CACHING_JSON, GpuWording.CACHING_PROCESS_JSON, GpuWording.ASYNC_JSON, GpuWording.ASYNC_JSON,
            GpuWording.SCRIPT_TRACEBACK, GpuWording.OLD_CACHING_TEXT, GpuWording.ASYNC_BARE_JSON,
            GpuWording.CUDA_RUNTIME_JSON);

    private MemoryReports() {
    }

    static GpuWording wordingFor(ReportContext c) {
        return TABLE.get(c.pickForRequest(TABLE.size()));
    }

    /** A GPU out-of-memory report for an overflow on a device of {@code capacity} bytes. */
    static String gpu(ReportContext c, MemoryTrace.GpuOverflow o, long capacity, long otherBytes) {
        long free = Math.max(0, capacity - otherBytes - o.inUse());
        String requested = ByteFormat.format(o.requested());
        String node = o.node();
        return switch (wordingFor(c)) {
            case CACHING_JSON -> json(c, node, "torch.OutOfMemoryError",
                    caching(requested, capacity, free, otherBytes, c.pid(), o, false));
            case CACHING_PROCESS_JSON -> json(c, node, "torch.cuda.OutOfMemoryError",
                    caching(requested, capacity, free, otherBytes, c.pid(), o, true));
            case ASYNC_JSON -> json(c, node, "torch.OutOfMemoryError", asyncBlock(requested, capacity, free, o));
            case ASYNC_BARE_JSON -> json(c, node, "torch.OutOfMemoryError", "Allocation on device ");
            case CUDA_RUNTIME_JSON -> json(c, node, "RuntimeError", "CUDA error: out of memory\n"
                    + "CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace"
                    + " below might be incorrect.\nFor debugging consider passing CUDA_LAUNCH_BLOCKING=1\n"
                    + "Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n");
            case OLD_CACHING_TEXT -> "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate " + requested
                    + " (GPU 0; " + ByteFormat.format(capacity) + " total capacity; "
                    + ByteFormat.format(o.allocated()) + " already allocated; " + ByteFormat.format(free) + " free; "
                    + ByteFormat.format(o.allocated() + GroundTruthMemory.SLACK_BYTES)
                    + " reserved in total by PyTorch) If reserved memory is >> allocated memory try setting"
                    + " max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and"
                    + " PYTORCH_CUDA_ALLOC_CONF";
            case SCRIPT_TRACEBACK -> "Traceback (most recent call last):\n"
                    + "  File \"/workspace/generate.py\", line 118, in <module>\n"
                    + scriptFrame(node)
                    + "torch.OutOfMemoryError: " + caching(requested, capacity, free, otherBytes, c.pid(), o, false);
        };
    }

    /** A system RAM report: the CPU allocator's message, as a ComfyUI payload or a server log. */
    static String host(ReportContext c, MemoryTrace.HostOverflow o) {
        String message = c.pickForRequest(2) == 0
                ? "[enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: not enough memory: you tried to"
                        + " allocate " + o.requested() + " bytes."
                : "[enforce fail at alloc_cpu.cpp:83] err == 0. DefaultCPUAllocator: can't allocate memory: you"
                        + " tried to allocate " + o.requested() + " bytes. Error code 12 (Cannot allocate memory)";
        String node = o.output() ? "VAEDecode" : "UNETLoader";
        if (c.pickForRequest(3) == 0) {
            return "!!! Exception during processing !!! " + message + "\nTraceback (most recent call last):\n"
                    + String.join("", ComfyJson.traceback(frameOf(node))) + "RuntimeError: " + message;
        }
        return ComfyJson.executionError(c, node, "RuntimeError", message, ComfyJson.traceback(frameOf(node)),
                inputsOf(node, c.request()), c.wrapped());
    }

    private static String caching(String requested, long capacity, long free, long otherBytes, int pid,
                                  MemoryTrace.GpuOverflow o, boolean withPid) {
        StringBuilder text = new StringBuilder("CUDA out of memory. Tried to allocate ").append(requested)
                .append(". GPU 0 has a total capacity of ").append(ByteFormat.format(capacity)).append(" of which ")
                .append(ByteFormat.format(free)).append(" is free. ");
        if (withPid) {
            text.append("Process ").append(pid).append(" has ").append(ByteFormat.format(o.inUse()))
                    .append(" memory in use. ");
        } else {
            if (otherBytes > 0) {
                text.append("Process ").append(pid - 1713).append(" has ").append(ByteFormat.format(otherBytes))
                        .append(" memory in use. ");
            }
            text.append("Including non-PyTorch memory, this process has ").append(ByteFormat.format(o.inUse()))
                    .append(" memory in use. ");
        }
        return text.append("Of the allocated memory ").append(ByteFormat.format(o.allocated()))
                .append(" is allocated by PyTorch, and ").append(ByteFormat.format(GroundTruthMemory.SLACK_BYTES))
                .append(" is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try")
                .append(" setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See")
                .append(" documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html")
                .append("#environment-variables)").toString();
    }

    private static String asyncBlock(String requested, long capacity, long free, MemoryTrace.GpuOverflow o) {
        return "Allocation on device 0 would exceed allowed memory. (out of memory)"
                + "\nCurrently allocated     : " + ByteFormat.format(o.allocated())
                + "\nRequested               : " + requested
                + "\nDevice limit            : " + ByteFormat.format(capacity)
                + "\nFree (according to CUDA): " + ByteFormat.format(free)
                + "\nPyTorch limit (set by user-supplied memory fraction)"
                + "\n                        : 17179869184.00 GiB";
    }

    private static String json(ReportContext c, String node, String type, String message) {
        return ComfyJson.executionError(c, node, type, message + TIPS, ComfyJson.traceback(frameOf(node)),
                inputsOf(node, c.request()), c.wrapped());
    }

    private static String frameOf(String node) {
        return switch (node) {
            case "KSampler" -> "\"/ComfyUI/comfy/ldm/modules/attention.py\", line 524, in attention_pytorch";
            case "VAEDecode" -> "\"/ComfyUI/comfy/sd.py\", line 680, in decode";
            case "VAEDecodeTiled" -> "\"/ComfyUI/comfy/sd.py\", line 733, in decode_tiled";
            case "CLIPTextEncode" -> "\"/ComfyUI/comfy/sd.py\", line 206, in encode_from_tokens";
            case "ImageUpscaleWithModel" -> "\"/ComfyUI/comfy_extras/nodes_upscale_model.py\", line 78, in upscale";
            default -> "\"/ComfyUI/comfy/utils.py\", line 62, in load_torch_file";
        };
    }

    private static String scriptFrame(String node) {
        return switch (node) {
            case "CLIPTextEncode" -> "  File \"" + DIFFUSERS + "pipelines/wan/pipeline_wan.py\","
                    + " line 262, in encode_prompt\n";
            case "VAEDecode", "VAEDecodeTiled" -> "  File \"" + DIFFUSERS + "models/autoencoders/"
                    + "autoencoder_kl_wan.py\", line 1010, in decode\n";
            default -> "  File \"" + DIFFUSERS + "models/transformers/"
                    + "transformer_wan.py\", line 482, in forward\n";
        };
    }

    /** What a node's inputs looked like, for {@code current_inputs}. */
    static Map<String, Object> inputsOf(String node, GenerationRequest r) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        switch (node) {
            case "KSampler" -> {
                inputs.put("seed", r.seed());
                inputs.put("steps", r.steps());
                inputs.put("cfg", r.cfg());
                inputs.put("sampler_name", "uni_pc");
                inputs.put("scheduler", "simple");
                inputs.put("denoise", 1.0);
            }
            case "VAEDecodeTiled" -> {
                inputs.put("tile_size", r.vaeTileSize());
                inputs.put("overlap", 64);
                inputs.put("temporal_size", GroundTruthMemory.TILED_FRAMES);
            }
            case "CLIPTextEncode" -> inputs.put("text", r.prompt());
            case "UNETLoader" -> {
                inputs.put("unet_name", ModelFiles.fileName(r.modelId(), r.precision()));
                inputs.put("weight_dtype", "default");
            }
            default -> {
                // Nodes whose inputs are all links show none.
            }
        }
        return inputs;
    }
}
