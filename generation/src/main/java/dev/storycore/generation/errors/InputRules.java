package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.ARCHITECTURE;
import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
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
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for what goes into the model (frame counts are {@link FrameRules}): sizes that are not a
 * multiple of the model's patch size, tensors whose sizes do not line up, parameters that do not
 * apply, and conditioning that does not fit or is not there (a text or image encoder from another
 * model family, image features that do not match the prompt's image tokens, a missing or invalid
 * encoder, a start, control or reference input that was not given, an input video that gave no
 * frames).
 */
final class InputRules {

    private static final Pattern MATMUL_SHAPES = Pattern.compile("\\((\\d{1,7})x(\\d{1,6}) and \\d+x\\d+\\)");

    /** Hidden widths of the vision transformers image encoders are built on. */
    private static final Set<Long> VISION_WIDTHS = Set.of(1024L, 1152L, 1280L, 1408L, 1664L);

    /** A matrix multiply whose inner sizes differ: an embedding of the wrong width came in. */
    private static final Predicate<ErrorReport> MATMUL = any(
            phrase("shapes cannot be multiplied"),
            pattern("size mismatch, m1: \\[|\\bm1 and m2\\b"));

    /**
     * A matrix multiply fed by a vision transformer: its token count is a square grid of patches plus
     * a class token (197, 257, 577, 1025), which diffusion transformers do not have, or a bare square
     * grid (729, 5476) at the width of a vision transformer (ViT-L 1024, SigLIP 1152, ViT-H 1280,
     * ViT-g 1408, ViT-bigG 1664), which text encoders and video transformers do not use.
     */
    private static final Predicate<ErrorReport> VISION_TOKENS = report -> {
        Matcher m = MATMUL_SHAPES.matcher(report.text());
        if (!m.find()) {
            return false;
        }
        long tokens = Long.parseLong(m.group(1));
        long width = Long.parseLong(m.group(2));
        return isPatchGrid(tokens - 1) || isPatchGrid(tokens) && VISION_WIDTHS.contains(width);
    };

    /** An image, video or mask a workflow conditions on, named by its role: "control image", "ref_video". */
    private static final String NAMED_INPUT = "(?:control|reference|ref|start|first|last|end|input|init|source"
            + "|conditioning|guide|guidance|pose|depth|style|face)[ _-]?(?:images?|imgs?|frames?|videos?|masks?)\\b";

    /** "a", "the", "any", "1", "at least one", "two": how many of an input a message asks for. */
    private static final String HOW_MANY =
            "(?:(?:an?|the|any|at least|exactly)\\s+)?(?:(?:\\d{1,2}|one|two|three)\\s+)?";

    /** Embeddings a node or pipeline conditions on, produced by another node rather than uploaded. */
    private static final String EMBEDS =
            "(?:image|text|clip|clip_vision|vision|prompt|video)[ _]?(?:embeds|embeddings?)";

    /** A text or vision encoder node named in free text: "WanVideoClipVisionEncode", "CLIPTextEncode". */
    private static final String ENCODER_NODE = "\\b\\w*(?:clip_?vision|text_?encode|cliptext|vision_?encode)\\w*\\b";

    /** An encoder model a node conditions with, by its usual names. */
    private static final String ENCODER_MODEL = "(?:clip[ _-]?vision|image[ _-]encoder|vision[ _-]encoder"
            + "|text[ _-]encoder)";

    /** A node or function that loads an input video. */
    private static final String VIDEO_LOADER = "load_?video|video_?loader|\\binput video\\b|videocapture";

    /** Words saying two parts do not belong together. */
    private static final String INCOMPATIBLE =
            "(?:mismatch|not compatible|incompatible|wrong (?:type|model|family)|does not match)";

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

    private static final Rule RESOLUTION_NOT_SUPPORTED =
            Rule.of("resolution-not-supported", "RESOLUTION_NOT_SUPPORTED", PARAMETER_VALIDATION, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(any(pattern("\\b(?:invalid|unsupported|illegal)\\s+(?:(?:output|video|image|target)\\s+)?"
                                    + "(?:size|resolution|dimensions|aspect[ _]ratio)\\b"),
                            pattern("\\b(?:allowed|supported|valid|accepted) (?:sizes|resolutions|dimensions"
                                    + "|aspect ratios)\\b"),
                            pattern("\\b(?:size|resolution)\\W{0,3}\\d{2,5}\\s*[x*\u00d7]\\s*\\d{2,5}\\W{0,3}"
                                    + "(?:is |are )?(?:not (?:supported|allowed|valid|one of)|unsupported|invalid)"),
                            pattern("\\b(?:size|resolution)\\b[^\\n]{0,30}\\bmust be one of\\b")))
                    .reads(Facts.all(Facts.capture("\\b(\\d{2,5}\\s*[x*\u00d7]\\s*\\d{2,5})\\b", "size"),
                            Facts.capture("(?:allowed|supported|valid|accepted) (?:sizes|resolutions)[^:\\n]{0,60}"
                                    + "(?:are|:)\\s*([^\\n]{1,120})", "allowed")))
                    .says("The size[ {size}] is not one the model or service accepts[ for {model}][; allowed:"
                            + " {allowed}].")
                    .advises("Pick one of the sizes the message lists; hosted endpoints serve each model at a few"
                                    + " fixed resolutions (Wan 480p: 832x480 or 480x832).",
                            "Check the orientation: a portrait size is a different entry from its landscape one.");

    private static final Rule IMAGE_ENCODER_MISMATCH =
            Rule.of("image-encoder-mismatch", "IMAGE_ENCODER_MISMATCH", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(any(all(MATMUL, any(node(NodeKind.VISION_ENCODER, NodeKind.IMAGE_CONDITIONING),
                                    phrase("clip_vision", "clipvision", "clip vision", "image_encoder",
                                            "image encoder", "img_emb", "encode_image"), VISION_TOKENS)),
                            pattern("(?:clip[_ ]?vision|image[_ ]encoder)[^\\n]{0,60}" + INCOMPATIBLE)))
                    .reads(Facts.capture("\\((\\d+x\\d+) and (\\d+x\\d+)\\)", "shapeA", "shapeB"))
                    .says("The image embedding does not fit the model[ ({shapeA} vs {shapeB})][ in {node}]"
                            + "[ for {model}]: the image encoder is not the one this model expects.")
                    .advises("Use the CLIP vision model the I2V model expects (Wan: clip_vision_h; HunyuanVideo"
                                    + " I2V: llava_llama3_vision) through CLIPVisionEncode.",
                            "Do not feed image-encoder output into a T2V model.");

    private static final Rule IMAGE_TOKENS_MISMATCH =
            Rule.of("image-tokens-mismatch", "IMAGE_TOKENS_MISMATCH", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(any(pattern("(?:image|video|vision|visual) (?:features?|embeddings?) and"
                                    + " (?:image|video|vision|visual) (?:tokens?|placeholders?)"
                                    + " (?:do(?:es)? not|don't|doesn't) match"),
                            pattern("(?:number of )?(?:<image>|image|video|vision) (?:tokens?|placeholders?)"
                                    + "[^\\n]{0,80}(?:do(?:es)? not|don't|doesn't|must) match[^\\n]{0,40}"
                                    + "(?:features?|images?|videos?|embeddings?)"),
                            pattern("mismatch between[^\\n]{0,40}(?:image|video|<image>) (?:tokens?|features?)")))
                    .reads(Facts.all(Facts.capture("tokens:?\\s*(\\d+)", "tokens"),
                            Facts.capture("features:?\\s*(\\d+)", "features")))
                    .says("The image placeholders in the prompt and the image features disagree[ (tokens {tokens},"
                            + " features {features})][ for {model}]: the processor, prompt template and multimodal"
                            + " text encoder do not belong together, or an image is missing.")
                    .advises("Install the transformers version the model's repository pins: processors of other"
                                    + " versions expand image placeholders into a different number of tokens.",
                            "Use the model's image-to-video prompt template (it carries the image placeholder) and"
                                    + " pass exactly one image per placeholder.");

    private static final Rule CONDITIONING_INPUT_MISSING =
            Rule.of("conditioning-input-missing", "INPUT_MEDIA_MISSING", CONDITIONING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("(?:must (?:have|include|be given)|requires?|needs?|missing|without|no|provide)"
                                    + "\\s+" + HOW_MANY + NAMED_INPUT),
                            pattern("(?:must (?:have|include|be given)|requires?|needs?)\\s+(?:an?|the)\\s+"
                                    + "(?:image|mask|video)\\b"),
                            pattern("(?:" + NAMED_INPUT + "|\\b(?:images?|masks?)\\b)\\s+(?:is|are|was|were|must be)"
                                    + "\\s+(?:required|missing|none|not (?:provided|given|set|connected|supplied))")))
                    .says("An image, video or mask the workflow conditions on was not given[ ({node})][ for {model}]"
                            + "[: {excerpt}].")
                    .advises("Supply the input the message names (start, control or reference image, mask or"
                                    + " video) with the request.",
                            "Or switch to a workflow that does not need it, such as text-to-video instead of"
                                    + " image-to-video.");

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
                                    + "|encode_image|encode_token_weights|encode_prompt)'"),
                            // Any attribute of nothing inside a text or vision encoder node: the encoder it
                            // was to run was never loaded or connected ("WanVideoClipVisionEncode 'NoneType'
                            // object has no attribute 'model'").
                            all(any(node(NodeKind.TEXT_ENCODER, NodeKind.VISION_ENCODER),
                                            pattern(ENCODER_NODE + "[^\\n]{0,80}'nonetype' object")),
                                    phrase("'nonetype' object has no attribute", "'nonetype' object is not")),
                            // "Invalid T5 text encoder model", "invalid CLIP vision file": the loader was given
                            // a file that is not the encoder it loads.
                            pattern("\\binvalid\\s+(?:u?mt5|t5|clip(?:[ _]vision)?|text[ _]encoder|image[ _]encoder"
                                    + "|vision)\\b[^\\n]{0,30}\\b(?:model|file|checkpoint|encoder|weights)\\b"),
                            // The encoder a node needs was never loaded: "Missing CLIPVision model", "image encoder
                            // not loaded"; missing keys or weights inside an encoder are another matter.
                            pattern("\\bmissing (?:the |an? )?" + ENCODER_MODEL + "(?: model)?\\b(?![ _-]?(?:keys?"
                                    + "|weights?|tensors?|parameters?))"),
                            pattern("\\b" + ENCODER_MODEL + "(?: model)? (?:is |was )?(?:not (?:loaded|provided"
                                    + "|connected|given)|missing)\\b"),
                            // Embeddings another node should have produced were not passed in.
                            pattern("\\b" + EMBEDS + "\\b[^\\n]{0,30}\\b(?:must be (?:provided|given|connected|passed)"
                                    + "|(?:is|are) (?:required|missing|none|not (?:provided|given|connected|passed)))"),
                            pattern("(?:missing|must provide|requires?|needs?)\\s+(?:the\\s+|an?\\s+|empty\\s+)?"
                                    + EMBEDS + "\\b")))
                    .says("The text or image encoder, or the embeddings it makes, is missing or invalid[ in {node}]"
                            + "[ for {model}][: {excerpt}].")
                    .advises("Connect a valid encoder: a checkpoint without a text encoder needs a separate"
                                    + " CLIPLoader, and I2V needs a CLIPVisionLoader with a vision model.",
                            "Check the encoder file is the right kind (text encoder vs vision model) and"
                                    + " complete.",
                            "Connect the node that makes the embeddings the message names (for text-to-video in"
                                    + " wrapper node packs, an empty image-embeds node).");

    private static final Rule INPUT_VIDEO_NO_FRAMES =
            Rule.of("input-video-no-frames", "INPUT_VIDEO_NO_FRAMES", CONDITIONING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("\\b(?:video|clip)\\b[^\\n]{0,30}\\b(?:has|have|contains?|with|gave|yielded)"
                                    + " (?:no|zero|0) frames\\b"),
                            // Nothing read from a video file, or "No frames generated" said by a video loader
                            // (not by a sampler, nor by a writer saving its output).
                            all(pattern("\\b(?:no|zero|0) frames? (?:were |was |could be )?(?:loaded|extracted|read"
                                            + "|decoded)\\b"),
                                    pattern(VIDEO_LOADER + "|\\bvideo file\\b|\\.(?:mp4|webm|mov|mkv|avi)\\b")),
                            all(pattern("\\b(?:no|zero|0) frames? (?:were |was )?(?:generated|found|returned"
                                            + "|selected)\\b"),
                                    pattern(VIDEO_LOADER))))
                    .says("The input video gave no frames[ ({node})]: the frame selection (frames to skip, every nth"
                            + " frame, a frame cap or start time) leaves none, or the file holds no video it can"
                            + " decode.")
                    .advises("Select fewer frames to skip (skip_first_frames, select_every_nth) or allow more"
                                    + " (frame_load_cap) so at least one frame is left.",
                            "Check the file plays and has a video stream; re-encode it to H.264 MP4 if it does"
                                    + " not.");

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

    /** Whether a token count is a square grid of patches, at least 14 on a side (224 pixels, patch 16). */
    private static boolean isPatchGrid(long tokens) {
        long side = Math.round(Math.sqrt(tokens));
        return side >= 14 && side * side == tokens;
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                SIZE_MULTIPLE,
                RESOLUTION_NOT_SUPPORTED,
                IMAGE_TOKENS_MISMATCH,
                IMAGE_ENCODER_MISMATCH,
                TEXT_ENCODER_MISMATCH,
                MATMUL_MISMATCH,
                ENCODER_INVALID,
                CONDITIONING_INPUT_MISSING,
                INPUT_VIDEO_NO_FRAMES,
                TENSOR_SIZE_MISMATCH,
                PARAMETER_NOT_SUPPORTED);
    }
}
