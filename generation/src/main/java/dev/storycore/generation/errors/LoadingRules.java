package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.ARCHITECTURE;
import static dev.storycore.generation.errors.GenerationErrorCategory.HARDWARE_OPTIMIZATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.javaType;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for models that cannot be loaded: missing Python modules and attention backends, libraries
 * too old for the model, diffusers pipelines short of a component, model files that are not there,
 * weights ComfyUI cannot identify or a loader does not take (an fp8-scaled file for a loader of plain
 * ones), and weights that do not fit the model class (state_dict key or shape mismatches, a LoRA
 * trained for another model, wrong latent channel counts).
 */
final class LoadingRules {

    private static final String LIBRARIES = "diffusers|transformers|torch|torchvision|comfy|comfy_extras"
            + "|huggingface_hub|accelerate|peft|safetensors|xformers|optimum|einops|timm|comfy_api";
    private static final Pattern EXPECTED_PASSED = Pattern.compile(
            "expected \\{([^}]*)\\},? but only \\{([^}]*)\\} were passed", Pattern.CASE_INSENSITIVE);
    private static final Pattern PIPELINE_CLASS = Pattern.compile("pipeline <class '(?:[\\w]+\\.)*(\\w+)'>",
            Pattern.CASE_INSENSITIVE);

    /** An attention package, or Triton which several of them need. */
    private static final String ATTENTION_OR_TRITON = "(?:" + HardwareRules.ATTENTION_PACKAGES + "|triton)";

    private static final Rule ATTENTION_BACKEND_MISSING =
            Rule.of("attention-backend-missing", "ATTENTION_BACKEND_MISSING", HARDWARE_OPTIMIZATION,
                            ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("no module named '?" + ATTENTION_OR_TRITON + "\\b"),
                            pattern(ATTENTION_OR_TRITON + "'?\\s+(?:is\\s+|was\\s+)?not (?:installed|available|found"
                                    + "|importable)"),
                            // "Can't import SageAttention: ...", "failed to import flash_attn", "error importing
                            // xformers": it is there but does not load (wrong build, missing DLL, bad ABI).
                            pattern("(?:can't|cannot|could not|couldn't|failed to|unable to|error (?:while )?)\\s*"
                                    + "import(?:ing)?\\s+(?:name\\s+\\S+\\s+from\\s+)?['\"`]?" + ATTENTION_OR_TRITON),
                            pattern(ATTENTION_OR_TRITON + "[^\\n]{0,160}(?:undefined symbol|dll load failed"
                                    + "|can't load (?:the )?c\\+\\+|cannot load (?:the )?c\\+\\+|wasn't built"
                                    + "|was not built|was built for)"),
                            pattern("dll load failed while importing _?(?:qattn|fused|flash_attn)\\w*"),
                            pattern("please (?:pip )?install\\s+['\"`]?" + ATTENTION_OR_TRITON)))
                    .reads(Facts.firstOf("module", "no module named '?([\\w.]+)", "(" + ATTENTION_OR_TRITON + ")"))
                    .says("The attention backend[ {module}] is not installed or does not load[ for {model}].")
                    .advises("Switch attention to PyTorch SDPA (attention_mode sdpa, or drop"
                                    + " --use-sage-attention / --use-flash-attention) and retry.",
                            "Or install a[ {module}] build that matches the installed torch, CUDA and GPU.");

    private static final Rule LIBRARY_TOO_OLD =
            Rule.of("library-too-old", "LIBRARY_TOO_OLD", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(any(pattern("cannot import name '?\\w+'? from '?[\\w.]+"),
                            pattern("requires\\s+(?:the\\s+)?[\\w\\-]+\\s*(?:version\\s*)?(?:>=|>|==|~=)\\s*v?\\d"),
                            pattern("module '?(?:" + LIBRARIES + ")(?:\\.[\\w.]+)?'? has no attribute"),
                            // Any module lacking a model class: the class is newer than the installed package.
                            pattern("module '?[\\w.]+'? has no attribute '?\\w*(?:pipeline|model|transformer\\w*"
                                    + "|autoencoder\\w*|vae|scheduler|processor|tokenizer|forconditionalgeneration"
                                    + "|encoder\\w*)\\b"),
                            pattern("no module named '(?:" + LIBRARIES + ")\\.[\\w.]+"),
                            // transformers and diffusers import lazily and wrap what broke: "Failed to import
                            // diffusers.pipelines.x because of the following error".
                            pattern("failed to import (?:" + LIBRARIES + ")\\.[\\w.]+ because of the following error"),
                            pattern("unrecogni[sz]ed (?:model|configuration class|model type)"),
                            pattern("\\b\\d+\\.\\d+(?:\\.\\d+)?\\s+or\\s+(?:newer|later|above|higher)\\b"),
                            pattern("\\b(?:update|upgrade)\\s+(?:your\\s+)?(?:comfyui|diffusers|transformers|torch"
                                    + "|pytorch|huggingface_hub|accelerate|the custom nodes?|custom nodes?)\\b"),
                            phrase("does not recognize this architecture", "is out of date", "please upgrade",
                                    "needs a newer version", "newer version of", "not supported by your version",
                                    "your version of")))
                    .reads(Facts.all(Facts.capture("cannot import name '?(\\w+)'? from '?([\\w]+)", "name",
                                    "library"),
                            Facts.capture("module '?([\\w]+)[\\w.]*'? has no attribute '?(\\w+)", "library", "name"),
                            Facts.capture("no module named '(\\w+)\\.([\\w.]+)", "library", "name"),
                            Facts.capture("requires\\s+(?:the\\s+)?([\\w\\-]+\\s*(?:version\\s*)?(?:>=|>|==|~=)"
                                    + "\\s*v?[\\d][\\w.]*)", "requirement")))
                    .says("Installed library too old or mismatched[ for {model}][: {library} has no {name}]"
                            + "[; needs {requirement}].")
                    .advises("Upgrade the library the error names[ (pip install -U {library})] to the version"
                                    + " the model's instructions require, then restart the Python process.",
                            "Update ComfyUI and its custom nodes together so their versions match.",
                            "Retrying without changing the installation fails the same way.");

    private static final Rule PIPELINE_COMPONENT_MISSING =
            Rule.of("pipeline-component-missing", "PIPELINE_COMPONENT_MISSING", MODEL_LOADING, DO_NOT_RETRY,
                            HIGH)
                    .when(any(pattern("expected \\{[^}]*\\},? but only \\{[^}]*\\} were passed"),
                            phrase("missing required component", "is missing the component",
                                    "component is missing")))
                    .reads(LoadingRules::missingComponents)
                    .says("The pipeline[ {pipeline}] cannot be built[ for {model}]: missing component(s)"
                            + "[ {missing}].")
                    .advises("Download the missing subfolder(s)[ ({missing})] and model_index.json from the"
                                    + " same repository revision.",
                            "Or pass the component to from_pretrained explicitly (image_encoder=...,"
                                    + " image_processor=...) if it lives elsewhere.",
                            "An older diffusers can also drop components it does not know: upgrade it.");

    private static final Rule COMFY_MODEL_UNRECOGNIZED =
            Rule.of("comfy-model-unrecognized", "COMFY_MODEL_UNRECOGNIZED", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(phrase("could not detect model type", "unknown model type", "unsupported model type",
                            "model type not recognized"))
                    .says("The weights[ in {file}] are not a model family this ComfyUI recognises[ ({node})].")
                    .advises("Check the file is a full diffusion model for this loader, not a LoRA, VAE or"
                                    + " text encoder.",
                            "Update ComfyUI: new families (Wan 2.2, newer HunyuanVideo) need a newer build.",
                            "Download it again if the file may be damaged.");

    private static final Rule PYTHON_MODULE_MISSING =
            Rule.of("python-module-missing", "PYTHON_MODULE_MISSING", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(any(type("ModuleNotFoundError"), pattern("no module named '?[\\w.]+"),
                            phrase("cannot open shared object file", "dll load failed")))
                    .reads(Facts.firstOf("module", "no module named '?([\\w.]+)",
                            "([\\w.\\-]+): cannot open shared object file"))
                    .says("A Python module is missing[: {module}][ ({node})].")
                    .advises("Install it into the Python that runs the backend (for a custom node: pip install"
                                    + " -r its requirements.txt), then restart.",
                            "If a custom node failed to import, the ComfyUI start-up log lists it as IMPORT"
                                    + " FAILED with the reason.");

    /** What a tensor that does not fit its place says: a failed view, a size or shape mismatch. */
    private static final String MISFIT = "(?:is invalid for input of size|size mismatch|shape mismatch"
            + "|shapes? (?:do(?:es)? not|don't|doesn't) match|cannot be multiplied|must match the size"
            + "|cannot be broadcast)";

    /** A weights variant or format, as loaders name what they refuse. */
    private static final String WEIGHTS_VARIANT = "(?:fp8|fp16|bf16|fp32|gguf|scaled|quanti[sz]ed|nf4|int8|int4"
            + "|safetensors|ckpt|checkpoint|weights|model file|file format|format|variant)";

    private static final Rule LORA_MISMATCH =
            Rule.of("lora-mismatch", "LORA_MISMATCH", ARCHITECTURE, DO_NOT_RETRY, HIGH)
                    // The LoRA named on the same line as the misfit, so a LoRA elsewhere in the workflow
                    // does not claim an unrelated shape error.
                    .when(any(pattern("\\blora[^\\n]{0,200}" + MISFIT),
                            pattern(MISFIT + "[^\\n]{0,200}\\blora")))
                    .reads(Facts.firstOf("key", "\\b((?:[\\w]+\\.)+(?:weight|bias|alpha))\\b"))
                    .says("A LoRA does not fit the model[ {model}][ (first at {key})]: it was trained for another"
                            + " model family or size.")
                    .advises("Use a LoRA trained for this base model and size: Wan 1.3B, 5B and 14B LoRAs are not"
                                    + " interchangeable, nor are T2V and I2V ones across families.",
                            "Or run without the LoRA; retrying with it fails the same way.");

    private static final Rule LOADER_FORMAT_UNSUPPORTED =
            Rule.of("loader-format-unsupported", "LOADER_FORMAT_UNSUPPORTED", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(any(pattern(WEIGHTS_VARIANT + "\\b[^\\n]{0,60}(?:not supported|unsupported|not compatible)"
                                    + " (?:by|with|in) (?:this|the)"
                                    + " (?:node|loader|wrapper|custom node|model loader)\\b"),
                            pattern("(?:this|the) (?:node|loader|wrapper) (?:does not|doesn't|cannot|can't)"
                                    + " (?:support|load|handle|read)[^\\n]{0,20}" + WEIGHTS_VARIANT)))
                    .says("The loader[ {node}] does not take this kind of weights file[ for {model}][: {excerpt}].")
                    .advises("Use the file variant the loader is made for (for example the non-scaled or bf16"
                                    + " file), or load this file with the loader made for its format.",
                            "Retrying with the same file fails the same way.");

    private static final Rule STATE_DICT_MISMATCH =
            Rule.of("state-dict-mismatch", "STATE_DICT_MISMATCH", ARCHITECTURE, DO_NOT_RETRY, HIGH)
                    .when(any(phrase("error(s) in loading state_dict", "size mismatch for", "unexpected key(s)",
                                    "missing key(s)", "trying to set a tensor of shape", "keys are missing",
                                    "missing keys", "unexpected keys"),
                            pattern("expected shape[^\\n]{0,200}but got"),
                            // A named weight reshaped into a place of another size.
                            pattern("\\.(?:weight|bias)\\b[^\\n]{0,40}shape '\\[[^\\]]*\\]'"
                                    + " is invalid for input of size"),
                            pattern("(?:weights|checkpoint|state[_ ]dict)[^\\n]{0,60}(?:do(?:es)?n't|do(?:es)? not)"
                                    + " (?:match|fit)"),
                            pattern("keyerror: '[\\w.]+\\.(?:weight|bias|scale_weight|scale_input)'")))
                    .reads(Facts.all(Facts.capture("state_dict for (\\w+)", "modelClass"),
                            LoadingRules::mismatchKind))
                    .says("The weights do not fit the model class[ {modelClass}][ ({model})]: {kind}.")
                    .advises("Use the checkpoint made for this exact variant: Wan2.1 vs Wan2.2, T2V vs I2V (I2V"
                                    + " adds img_emb.*), 1.3B vs 14B vs 5B differ.",
                            "In ComfyUI pick the loader and type that match the file; in diffusers load with"
                                    + " the class model_index.json names.",
                            "A LoRA, VAE or text encoder loaded as a full model fails the same way.");

    private static final Rule MODEL_FAMILY_MISMATCH =
            Rule.of("model-family-mismatch", "MODEL_FAMILY_MISMATCH", ARCHITECTURE, DO_NOT_RETRY, HIGH)
                    .when(any(phrase("wrong model family", "model family mismatch", "different model family",
                                    "architecture mismatch", "wrong architecture", "incompatible architecture"),
                            pattern("\\b(?:checkpoint|weights|model file)\\b[^\\n]{0,80}\\bbut\\b[^\\n]{0,60}"
                                    + "\\bexpects?\\b")))
                    .says("The weights belong to another model family or variant than the loader or pipeline"
                            + " expects[ ({model})][: {excerpt}].")
                    .advises("Load the weights with the loader, node or pipeline class made for their family"
                                    + " (HunyuanVideo, Wan2.1, Wan2.2) and variant (T2V, I2V, size).",
                            "Or download the checkpoint that matches the workflow.");

    private static final Rule LATENT_CHANNEL_MISMATCH =
            Rule.of("latent-channel-mismatch", "LATENT_CHANNEL_MISMATCH", ARCHITECTURE, DO_NOT_RETRY, HIGH)
                    .when(pattern("to have \\d+ channels, but got \\d+ channels"))
                    .reads(Facts.capture("to have (\\d+) channels, but got (\\d+) channels", "expected", "got"))
                    .says("The latent has {got} channels but the model expects {expected}[ ({model})][ in {node}]:"
                            + " the VAE, latent node and model variant do not belong together.")
                    .advises("Wan2.2 TI2V-5B uses the Wan2.2 VAE (48 channels); Wan2.1 and Wan2.2 14B use the"
                                    + " Wan2.1 VAE (16 channels).",
                            "I2V models need image conditioning: use the image-to-video latent node with an I2V"
                                    + " model and an empty video latent with a T2V model.");

    private static final Rule MODEL_FILE_MISSING =
            Rule.of("model-file-missing", "MODEL_FILE_MISSING", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    // transformers lists every file name it tried: "no file named a.bin, b.safetensors or
                    // c.msgpack found in directory".
                    .when(any(pattern("no files? named [^\\n]{1,300}? found in (?:directory|folder|the repo)"),
                            phrase("does not appear to have a file named", "does not appear to have files named",
                                    "is not a local folder", "can't load the model", "couldn't find a file",
                                    "could not find a file", "model file not found", "checkpoint not found"),
                            all(any(type("FileNotFoundError"), phrase("no such file or directory", "not found",
                                            "does not exist", "not available", "is missing", "could not be found",
                                            "cannot be found"),
                                    javaType("java.io.FileNotFoundException", "java.nio.file.NoSuchFileException")),
                                    pattern("\\.(?:safetensors|gguf|ckpt|pth|pt|bin|sft)\\b|model_index\\.json"
                                            + "|config\\.json|\\bcheckpoints?\\b|\\bmodels?/"))))
                    .reads(Facts.firstOf("missing", "no files? named ([^\\n]{1,300}?) found in",
                            "no file named ([\\w.\\-]+)", "file named ([\\w.\\-]+)",
                            "(?:no such file or directory|not found):?\\s*'([^']+)'",
                            "'([^']+\\.(?:safetensors|gguf|ckpt|pth|pt|bin))'"))
                    .says("A model file is missing[: {missing}][ for {model}].")
                    .advises("Download the complete model (every subfolder and shard, with model_index.json and"
                                    + " config.json) and point the path at its root folder.",
                            "An interrupted download or a variant mismatch (fp16 vs default, .bin vs"
                                    + " .safetensors) leaves exactly this gap: download again or pass the"
                                    + " variant.",
                            "Check the path or model id for typos.");

    private LoadingRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                ATTENTION_BACKEND_MISSING,
                LIBRARY_TOO_OLD,
                PIPELINE_COMPONENT_MISSING,
                COMFY_MODEL_UNRECOGNIZED,
                LOADER_FORMAT_UNSUPPORTED,
                PYTHON_MODULE_MISSING,
                LORA_MISMATCH,
                STATE_DICT_MISMATCH,
                MODEL_FAMILY_MISMATCH,
                LATENT_CHANNEL_MISMATCH,
                MODEL_FILE_MISSING);
    }

    private static Map<String, String> missingComponents(ErrorReport report) {
        Matcher m = EXPECTED_PASSED.matcher(report.text());
        if (!m.find()) {
            return Map.of();
        }
        Set<String> missing = names(m.group(1));
        missing.removeAll(names(m.group(2)));
        Matcher c = PIPELINE_CLASS.matcher(report.text());
        String pipeline = c.find() ? c.group(1) : "";
        return Map.of("missing", String.join(", ", missing), "pipeline", pipeline);
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String name = part.strip().replaceAll("^['\"]|['\"]$", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Map<String, String> mismatchKind(ErrorReport report) {
        String text = report.lower();
        String kind;
        if (text.contains("size mismatch") || text.contains("expected shape") || text.contains("tensor of shape")) {
            kind = "tensor shapes differ";
        } else if (text.contains("unexpected key")) {
            kind = "the checkpoint has keys the model does not";
        } else if (text.contains("missing key") || text.contains("keyerror")) {
            kind = "the checkpoint lacks keys the model needs";
        } else {
            kind = "keys or shapes differ";
        }
        return Map.of("kind", kind);
    }
}
