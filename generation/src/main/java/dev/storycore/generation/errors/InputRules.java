package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.ARCHITECTURE;
import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.TEMPORAL_PROCESSING;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.node;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for what goes into the model: frame counts that are not 4k+1 or too long, sizes that are not
 * a multiple of the model's patch size, tensors whose sizes do not line up, and conditioning that does
 * not fit (a text or image encoder from another model family, a missing or invalid encoder).
 */
final class InputRules {

    private static final String FRAMES = "(?:num_frames|frame_num|video[_ ]length|frames?|frame count|length)";

    /** A matrix multiply whose inner sizes differ: an embedding of the wrong width came in. */
    private static final Predicate<ErrorReport> MATMUL = any(
            phrase("shapes cannot be multiplied"),
            pattern("size mismatch, m1: \\[|\\bm1 and m2\\b"));

    /** Words saying two parts do not belong together. */
    private static final String INCOMPATIBLE =
            "(?:mismatch|not compatible|incompatible|wrong (?:type|model|family)|does not match)";

    private static final Rule FRAMES_4K_PLUS_1 =
            Rule.of("frames-4k-plus-1", "FRAMES_NOT_4K_PLUS_1", TEMPORAL_PROCESSING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern(FRAMES + "[^\\n]{0,80}(?:divisible by 4\\b|multiple of 4\\b"
                                    + "|4\\s*\\*?\\s*[kn]\\s*\\+\\s*1|1 \\+ 4\\s*\\*?\\s*[kn])"),
                            pattern("\\b4\\s*\\*?\\s*[kn]\\s*\\+\\s*1\\b"),
                            pattern(FRAMES + "[^\\n]{0,80}\\b1\\s*(?:mod|modulo)\\s*4\\b")))
                    .reads(Facts.firstOf("frames", "(\\d+)\\s+frames\\b", "num_frames\\s*[=:]\\s*(\\d+)",
                            "(?:length|frames)\\s*[=:]\\s*(\\d+)"))
                    .says("The frame count[ {frames}] is not of the form 4k+1 (33, 49, 81, 121, 129 ...)"
                            + "[ for {model}].")
                    .advises("Snap the frame count to 4k+1 (80 -> 81, 120 -> 121): the video VAE compresses"
                                    + " time by 4.",
                            "ComfyUI length widgets step by 4 from 1; diffusers rounds with a warning.");

    private static final Rule FRAME_COUNT_RANGE =
            Rule.of("frame-count-range", "FRAME_COUNT_OUT_OF_RANGE", TEMPORAL_PROCESSING, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(any(pattern("(?:num_frames|frame_num|video[_ ]length|frames?|frame count)[^\\n]{0,40}"
                                    + "(?:exceeds?|too (?:many|long|large)|at most|must be (?:less|smaller|<=)"
                                    + "|greater than the max|maximum of)"),
                            pattern("(?:exceeds?|more than|maximum of|at most)[^\\n]{0,30}\\b\\d+\\s+frames\\b"),
                            pattern("temporal[^\\n]{0,60}(?:mismatch|exceed|too (?:long|large))")))
                    .reads(Facts.firstOf("frames", "(\\d+)\\s+frames\\b", "num_frames\\s*[=:]?\\s*(\\d+)"))
                    .says("The frame count[ {frames}] is outside what[ {model}] supports.")
                    .advises("Use the model's trained length (HunyuanVideo 129, Wan 14B 81, Wan2.2 TI2V-5B 121)"
                                    + " or generate longer videos in segments.");

    private static final Rule SIZE_MULTIPLE =
            Rule.of("size-multiple", "SIZE_NOT_MULTIPLE", PARAMETER_VALIDATION, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("(?:height|width|size|resolution|dimensions?)[^\\n]{0,80}(?:divisible by"
                                    + "|multiples? of)\\s*\\(?\\d+"),
                            pattern("(?:divisible by|multiples? of)\\s*\\(?\\d+[^\\n]{0,40}(?:height|width|size"
                                    + "|resolution)")))
                    .reads(Facts.all(Facts.capture("(?:divisible by|multiples? of)\\s*\\(?(\\d+)", "multiple"),
                            Facts.capture("but (?:are|is|got)\\s*\\(?(\\d+)\\s*(?:and|x|,)\\s*(\\d+)", "height",
                                    "width")))
                    .says("Width and height must be multiples of[ {multiple}][ (got height {height}, width"
                            + " {width})][ for {model}].")
                    .advises("Snap width and height to the nearest multiple[ of {multiple}] (1080 -> 1072 or"
                                    + " 1088); Wan uses 16, Wan2.2 TI2V-5B 32.",
                            "Prefer the model's native sizes (Wan 832x480 and 1280x720, TI2V-5B 1280x704,"
                                    + " HunyuanVideo 1280x720 and 960x544).");

    private static final Rule IMAGE_ENCODER_MISMATCH =
            Rule.of("image-encoder-mismatch", "IMAGE_ENCODER_MISMATCH", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(any(all(MATMUL, any(node(NodeKind.VISION_ENCODER, NodeKind.IMAGE_CONDITIONING),
                                    phrase("clip_vision", "clipvision", "clip vision", "image_encoder",
                                            "image encoder", "img_emb", "encode_image"))),
                            pattern("(?:clip[_ ]?vision|image[_ ]encoder)[^\\n]{0,60}" + INCOMPATIBLE)))
                    .reads(Facts.capture("\\((\\d+x\\d+) and (\\d+x\\d+)\\)", "shapeA", "shapeB"))
                    .says("The image embedding does not fit the model[ ({shapeA} vs {shapeB})][ in {node}]"
                            + "[ for {model}]: the image encoder is not the one this model expects.")
                    .advises("Use the CLIP vision model the I2V model expects (Wan: clip_vision_h; HunyuanVideo"
                                    + " I2V: llava_llama3_vision) through CLIPVisionEncode.",
                            "Do not feed image-encoder output into a T2V model.");

    private static final Rule TEXT_ENCODER_MISMATCH =
            Rule.of("text-encoder-mismatch", "TEXT_ENCODER_MISMATCH", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(any(all(MATMUL, any(node(NodeKind.SAMPLER, NodeKind.TEXT_ENCODER),
                                    phrase("clip", "text_encoder", "text encoder", "t5", "umt5", "llava", "llama",
                                            "encode_prompt", "txt_in", "context_embedder", "text_embedding"),
                                    // Sampler frames in the traceback, or a token count that only text has.
                                    pattern("samplers?\\.py|k_diffusion|\\bin sample\\b"
                                            + "|\\((?:77|154|231|256|512)x\\d+ and"))),
                            pattern("(?:text[_ ]encoder|\\bclip\\b|\\bu?mt5\\b|\\bt5\\b)[^\\n]{0,60}" + INCOMPATIBLE)))
                    .reads(Facts.capture("\\((\\d+)x(\\d+) and (\\d+x\\d+)\\)", "tokens", "width", "weights"))
                    .says("The text embeddings do not fit the model[ (width {width} into {weights})][ in {node}]"
                            + "[ for {model}]: the text encoder is not the one this model was trained with.")
                    .advises("Load the text encoder made for this model: Wan uses umt5-xxl (CLIPLoader type"
                                    + " wan); HunyuanVideo uses clip_l plus llava_llama3 (DualCLIPLoader type"
                                    + " hunyuan_video).",
                            "Check the loader's type setting, not only the file name.",
                            "[Embeddings {width} wide came in: CLIP-L gives 768, T5/umt5-XXL and Llama 4096.]");

    private static final Rule MATMUL_MISMATCH =
            Rule.of("matmul-mismatch", "MATMUL_SHAPE_MISMATCH", ARCHITECTURE, DO_NOT_RETRY, HIGH)
                    .when(MATMUL)
                    .reads(Facts.capture("\\((\\d+x\\d+) and (\\d+x\\d+)\\)", "shapeA", "shapeB"))
                    .says("A layer received inputs of the wrong width[ ({shapeA} vs {shapeB})][ in {node}]"
                            + "[ for {model}]: two parts of the pipeline come from different models.")
                    .advises("Check that the model, its LoRAs, text encoder, image encoder and VAE are all"
                                    + " made for the same family and size.");

    private static final Rule ENCODER_INVALID =
            Rule.of("encoder-invalid", "ENCODER_INVALID", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(any(phrase("clip vision file is invalid", "does not contain a valid vision model",
                                    "clip input is invalid", "does not contain a valid clip",
                                    "clip_vision_output is none", "text encoder is none"),
                            pattern("'nonetype' object has no attribute '(?:tokenize|encode_from_tokens"
                                    + "|encode_image|encode_token_weights|encode_prompt)'")))
                    .says("The text or image encoder is missing or invalid[ in {node}][ for {model}][: {excerpt}].")
                    .advises("Connect a valid encoder: a checkpoint without a text encoder needs a separate"
                                    + " CLIPLoader, and I2V needs a CLIPVisionLoader with a vision model.",
                            "Check the encoder file is the right kind (text encoder vs vision model) and"
                                    + " complete.");

    private static final Rule TENSOR_SIZE_MISMATCH =
            Rule.of("tensor-size-mismatch", "TENSOR_SIZE_MISMATCH", PARAMETER_VALIDATION, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(any(pattern("size of tensor a \\(\\d+\\) must match the size of tensor b"),
                            phrase("sizes of tensors must match", "shapes do not match", "shape mismatch",
                                    "cannot be broadcast", "could not be broadcast",
                                    "must match the existing size"),
                            pattern("shape '\\[[^\\]]*\\]' is invalid for input of size")))
                    .reads(Facts.capture("tensor a \\((\\d+)\\) must match the size of tensor b \\((\\d+)\\)"
                            + "(?: at non-singleton dimension (\\d+))?", "sizeA", "sizeB", "dimension"))
                    .says("Tensor sizes do not line up[ ({sizeA} vs {sizeB})][ at dimension {dimension}]"
                            + "[ in {node}][ for {model}]: the size, frame count or a conditioning input does not"
                            + " match what the model expects.")
                    .advises("Snap width and height to the model's multiple and frames to 4k+1, and use one"
                                    + " size for every input (start and end image, control video, mask).",
                            "Check that the latent, VAE and model belong to the same family and variant.",
                            "If it persists with valid sizes, report it with the workflow: it is not a"
                                    + " parameter problem.");

    private static final Rule PARAMETER_NOT_SUPPORTED =
            Rule.of("parameter-not-supported", "PARAMETER_NOT_SUPPORTED", PARAMETER_VALIDATION, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(phrase("is only supported when", "got an unexpected keyword argument",
                            "is not supported for this", "are not supported for this",
                            "not supported in combination with", "cannot be used together with"))
                    .reads(Facts.firstOf("parameter", "unexpected keyword argument '(\\w+)'",
                            "`(\\w+)` is only supported", "'?(\\w+)'? is only supported"))
                    .says("A parameter does not apply here[: {parameter}][ for {model}][ ({excerpt})].")
                    .advises("Drop or change the parameter the message names; guidance_scale_2, for example,"
                                    + " applies only to two-expert Wan2.2 A14B pipelines.",
                            "An unexpected keyword argument often means the installed library is older than"
                                    + " the code calling it: upgrade it.");

    private InputRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                FRAMES_4K_PLUS_1,
                FRAME_COUNT_RANGE,
                SIZE_MULTIPLE,
                IMAGE_ENCODER_MISMATCH,
                TEXT_ENCODER_MISMATCH,
                MATMUL_MISMATCH,
                ENCODER_INVALID,
                TENSOR_SIZE_MISMATCH,
                PARAMETER_NOT_SUPPORTED);
    }
}
