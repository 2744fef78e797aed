package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.errorType;
import static dev.storycore.generation.errors.When.nodeError;
import static dev.storycore.generation.errors.When.nodeErrorType;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.status;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Rules for a request the backend refused before running it (ComfyUI's {@code /prompt} 400 or the
 * same errors in its log, or a service's 400 saying why): a model file that is not installed, a node
 * type no installed pack provides, an input image that is not there or cannot be decoded, an input
 * of another size than the one requested, an option or value out of range, conditioning left
 * unconnected, and a graph that is broken otherwise. The most fundamental problem wins when a prompt
 * has several.
 */
final class ValidationRules {

    private static final Predicate<NodeError> MISSING_MODEL = e -> e.is("value_not_in_list") && e.selectsModelFile();

    /**
     * An image, video or mask a request carries; "number of images" is a count and "image embeds" an
     * encoder's output, not an input.
     */
    private static final String MEDIA = "(?<!number of )(?<!count of )(?:images?|videos?|masks?)"
            + "(?![ _]?(?:embeds|embeddings?|features|tokens|encoder|latents?)\\b)";

    /** What an input's extent is called; a batch size is not one. */
    private static final String EXTENT = "(?<!batch )(?:width|height|size|dimensions|resolution|aspect ratio)\\b";

    /**
     * Inputs a node conditions on, by name: text encoders (clip, t5) and CLIP vision, prompt
     * conditioning, an image, start or end frames, references, control videos, masks and embeddings.
     * Not the model, VAE, latent or the images an output node saves.
     */
    private static final Pattern CONDITIONING_INPUT = Pattern.compile("clip(?:_vision\\w*|_[lg])?|u?m?t5"
            + "|text_encoders?|llm|positive|negative"
            + "|(?:\\w+_)?cond(?:itioning)?(?:_\\w+)?|image"
            + "|(?:start|end|init|first|last|source|input|inpaint|guide)_(?:images?|frames?|videos?)"
            + "|(?:reference|ref)_\\w+|(?:control|pose|depth|face|style)_(?:images?|videos?|frames?|latents?|masks?)"
            + "|(?:\\w+_)?masks?|(?:\\w+_)?embeds|(?:\\w+_)?embeddings?", Pattern.CASE_INSENSITIVE);

    private static final String COMFY_FILE_NOT_FOUND =
            "model in folder '([^']+)' with filename '([^']+)' not found";

    private static final Rule COMFY_MODEL_MISSING =
            Rule.of("comfy-model-missing", "COMFY_MODEL_FILE_MISSING", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(any(nodeError(MISSING_MODEL), pattern(COMFY_FILE_NOT_FOUND)))
                    .reads(Facts.all(nodeErrorFacts(MISSING_MODEL),
                            Facts.capture(COMFY_FILE_NOT_FOUND, "folder", "missing")))
                    .says("Model file '{missing}' is not installed on the ComfyUI server[ ({node} input {input})]"
                            + "[ (folder {folder})][; available: {available}].")
                    .advises("Download {missing} into the ComfyUI models folder its loader reads"
                                    + " (diffusion_models, text_encoders, vae, clip_vision, loras), then refresh.",
                            "[Or choose one of the installed files: {available}.]",
                            "Retrying the same prompt fails until the file is there.");

    private static final Rule COMFY_NODE_MISSING =
            Rule.of("comfy-node-missing", "COMFY_NODE_MISSING", MODEL_LOADING, DO_NOT_RETRY, HIGH)
                    .when(any(errorType("missing_node_type"),
                            pattern("cannot execute because (?:a )?node \\S+ does not exist"),
                            pattern("node '[^']*' not found\\. the custom node may not be installed"),
                            phrase("the following node types were not found", "(import failed)",
                                    "custom node may not be installed"),
                            // The editor leaves out class_type for a node whose type it does not know.
                            pattern("missing (?:the |a |its )?class_type\\b"),
                            pattern("\\bmissing (?:custom )?nodes?\\b"
                                    + "|custom nodes? (?:is |are )?(?:missing|not installed)"
                                    + "|\\bnode (?:type |class )?['\"]?\\w+['\"]?"
                                    + " (?:is )?not (?:installed|registered)")))
                    .reads(Facts.all(
                            Facts.firstOf("missing", "cannot execute because node (\\S+?)\\.? does not exist",
                                    "node '([^']+)' not found", "node types were not found:?\\s*([\\w\\-]+)",
                                    "missing (?:custom )?nodes?:?\\s*['\"]?([\\w\\-]+)",
                                    "node (?:type |class )?['\"]?(\\w+)['\"]? (?:is )?not (?:installed|registered)"),
                            Facts.capture("\\(import failed\\)[:\\s]*\\S*?([\\w\\-]+)\\s*$", "pack")))
                    .says("ComfyUI is missing a node type[ '{missing}'][ ({node})][; the pack {pack} failed to"
                            + " import]: the custom node pack that provides it is not installed or failed to"
                            + " import.")
                    .advises("Install the custom node pack that provides[ {missing}] (ComfyUI-Manager: Install"
                                    + " Missing Custom Nodes) and restart ComfyUI.",
                            "If it is installed, the ComfyUI start-up log shows it as IMPORT FAILED with the"
                                    + " reason, usually a missing Python requirement.",
                            "A node without class_type is one the editor could not find (shown in red) when the"
                                    + " prompt was made; a UI-format workflow sent to /prompt looks the same, so export"
                                    + " it with Save (API).");

    private static final Rule INPUT_MEDIA_MISSING =
            Rule.of("input-media-missing", "INPUT_MEDIA_MISSING", CONDITIONING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(phrase("`image` has to be of type", "image must be provided", "start_image is required",
                                    "no image provided"),
                            pattern("(?:no such file or directory|not found|does not exist)[^\\n]{0,200}"
                                    + "\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv)\\b"),
                            pattern("\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv)'?[^\\n]{0,40}"
                                    + "(?:not found|does not exist)")))
                    .reads(Facts.firstOf("media", "([\\w.\\-/]+\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv))\\b"))
                    .says("An input image or video is missing[: {media}][ ({node})].")
                    .advises("Upload the image or video to the server again (ComfyUI POST /upload/image) and"
                                    + " reference the name it returns.",
                            "Image-to-video needs a start image: supply one or switch to text-to-video.");

    private static final Rule INPUT_MEDIA_INVALID =
            Rule.of("input-media-invalid", "INPUT_MEDIA_INVALID", CONDITIONING, DO_NOT_RETRY, HIGH)
                    // ComfyUI's loaders refuse a name that is not among the server's inputs with "Invalid
                    // image file"; decoders refuse a damaged, empty or foreign file in their own words.
                    .when(any(phrase("invalid image file", "invalid video file", "invalid audio file",
                                    "cannot identify image file", "image file is truncated",
                                    "invalid data found when processing input", "moov atom not found"),
                            type("UnidentifiedImageError"),
                            // An image or video file, not the frames a VAE decodes from latents.
                            pattern("(?:cannot|can't|could not|couldn't|failed to|unable to) (?:decode|identify|parse)"
                                    + " (?:the )?(?:input |source |reference |start |uploaded )?(?:image|video|audio)"
                                    + "(?: file)?\\b(?![ _-]?(?:tiles?|latents?|frames?|batch))"),
                            pattern("\\bnot an? (?:valid |supported )?(?:image|video|audio) file\\b")))
                    .reads(Facts.firstOf("media", "invalid (?:image|video|audio) file:?\\s*(\\S+)",
                            "cannot identify image file\\s*'([^']+)'"))
                    .says("An input image, video or audio file cannot be used[: {media}][ ({node})]: it is not among"
                            + " the server's inputs, or it is damaged, empty or in a format that cannot be decoded.")
                    .advises("Check the file opens on its own; re-export it (PNG or JPEG, H.264 MP4) and upload it"
                                    + " again (ComfyUI POST /upload/image), referencing the name the upload returns.",
                            "Retrying with the same file fails the same way.");

    /** Wordings of two things that should agree and do not. */
    private static final String DISAGREE = "(?:do(?:es)?n't match|do(?:es)? not match|must match|must be the same"
            + "|should be the same|must have the same|should match|mismatch(?:ed)?|differs?)";

    /**
     * A mask that does not fit its image: "Image and mask must be the same size", "Mask dimensions do
     * not match image dimensions", "image and mask batch size does not match". Frame counts and video
     * lengths are the frame rules' concern.
     */
    private static final Predicate<ErrorReport> MASK_DISAGREES = all(
            pattern("\\b(?:images?|img|pixels)\\b"),
            any(pattern("\\bmasks?\\b[^\\n]{0,60}\\b" + DISAGREE + "\\b"),
                    pattern("\\b" + DISAGREE + "\\b[^\\n]{0,40}\\bmasks?\\b")),
            not(pattern("\\b(?:number of frames|frame counts?|num_frames|(?:video |mask |frame )?lengths?)\\b")));

    private static final Rule MASK_MISMATCH =
            Rule.of("mask-mismatch", "MASK_MISMATCH", CONDITIONING, ADJUST_AND_RETRY, MEDIUM)
                    .when(MASK_DISAGREES)
                    .says("The mask does not fit the image it goes with[ ({node})][: {excerpt}]: its size or"
                            + " batch differs.")
                    .advises("Resize the mask to the image's width and height (or make it from the same image),"
                                    + " and give it one mask per image or one for the whole batch.",
                            "Retrying with the same inputs fails the same way.");

    private static final Rule INPUT_SIZE_MISMATCH =
            Rule.of("input-size-mismatch", "INPUT_SIZE_MISMATCH", PARAMETER_VALIDATION, ADJUST_AND_RETRY, MEDIUM)
                    // "Inpaint image must match the requested width and height": an input's size, not a
                    // tensor's, so sizes of tensors named in between do not count.
                    .when(any(pattern("\\b" + MEDIA + "\\b(?:(?!\\btensor)[^\\n]){0,40}\\b(?:must|should|has to"
                                    + "|needs to|do(?:es)?n't|do(?:es)? not)\\s+match\\b[^\\n]{0,40}\\b" + EXTENT),
                            pattern("\\b" + MEDIA + "\\b(?:(?!\\btensor)[^\\n]){0,40}\\b(?:must|should) (?:have|be)"
                                    + " (?:of )?the same " + EXTENT),
                            pattern("\\b" + MEDIA + "\\b[^\\n]{0,20}\\b" + EXTENT + "[^\\n]{0,30}\\b(?:mismatch"
                                    + "|differs? from)\\b[^\\n]{0,30}\\b(?:requested|target|output|specified)\\b")))
                    .says("An input image or video is not the size the request asks for[ ({node})][: {excerpt}].")
                    .advises("Resize or crop the input to the requested width and height, or request the input's"
                                    + " own size (snapped to the model's multiple).",
                            "Give every image input (start, end, inpaint image, mask) the same size.");

    private static final Rule OPTION_NOT_AVAILABLE =
            Rule.of("option-not-available", "OPTION_NOT_AVAILABLE", PARAMETER_VALIDATION, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(nodeError(e -> e.is("value_not_in_list")))
                    .reads(nodeErrorFacts(e -> e.is("value_not_in_list")))
                    .says("'{value}' is not a valid choice for {input}[ in {node}][; allowed: {available}].")
                    .advises("Use a value this server offers (GET /object_info lists them per node); its"
                            + " build and installed packs decide the list.");

    private static final Rule VALUE_OUT_OF_RANGE =
            Rule.of("value-out-of-range", "VALUE_OUT_OF_RANGE", PARAMETER_VALIDATION, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(nodeErrorType("value_smaller_than_min", "value_bigger_than_max"),
                            pattern("value \\S+ (?:smaller|bigger|greater|less) than (?:min|max) of")))
                    .reads(nodeErrorFacts(e -> e.is("value_smaller_than_min", "value_bigger_than_max")))
                    .says("An input is out of range[: {input}][ in {node}][ ({detail})].")
                    .advises("Clamp the value to the node's minimum and maximum and submit again.");

    private static final Rule INVALID_INPUT_TYPE =
            Rule.of("invalid-input-type", "INVALID_INPUT_TYPE", PARAMETER_VALIDATION, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(nodeErrorType("invalid_input_type"), phrase("failed to convert an input value")))
                    .reads(nodeErrorFacts(e -> e.is("invalid_input_type")))
                    .says("An input has the wrong type[: {input}][ in {node}][ ({detail})].")
                    .advises("Send the value as the type the node declares (INT, FLOAT, STRING, BOOLEAN).",
                            "Check numbers are not sent as text with units or separators.");

    private static final Rule CONDITIONING_NOT_CONNECTED =
            Rule.of("conditioning-not-connected", "CONDITIONING_NOT_CONNECTED", CONDITIONING, DO_NOT_RETRY, HIGH)
                    .when(ValidationRules::onlyConditioningUnconnected)
                    .reads(ValidationRules::unconnectedInputs)
                    .says("ComfyUI rejected the workflow: conditioning input(s) {inputs}[ of {node}] are not"
                            + " connected.")
                    .advises("Connect what the node conditions on: the text encoder (clip), the prompt"
                                    + " conditioning (positive, negative), the CLIP vision output, the image or the"
                                    + " reference the message names.",
                            "Retrying the same graph fails the same way.");

    private static final Rule COMFY_WORKFLOW_INVALID =
            Rule.of("comfy-workflow-invalid", "COMFY_WORKFLOW_INVALID", PARAMETER_VALIDATION, DO_NOT_RETRY, HIGH)
                    .when(any(errorType("prompt_outputs_failed_validation", "prompt_no_outputs", "no_prompt",
                                    "invalid_prompt", "invalid_prompt_id", "no prompt"),
                            // A client's view of the same: ComfyUI answers a prompt it will not run with a 400.
                            all(status(400), pattern("/prompt\\b")),
                            nodeErrorType("required_input_missing", "bad_linked_input", "return_type_mismatch",
                                    "dependency_cycle", "invalid_dynamic_input", "exception_during_validation",
                                    "exception_during_inner_validation", "custom_validation_failed"),
                            phrase("prompt outputs failed validation", "prompt has no outputs",
                                    "required input is missing", "no prompt provided", "return type mismatch",
                                    "dependency cycle")))
                    .reads(nodeErrorFacts(e -> true))
                    .says("ComfyUI rejected the workflow[: {detail}][ ({node})].")
                    .advises("Fix the workflow graph: connect required inputs, match linked types, and submit"
                                    + " the API format (Save (API)) rather than the UI format.",
                            "Retrying the same graph fails the same way.");

    private ValidationRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                COMFY_MODEL_MISSING,
                COMFY_NODE_MISSING,
                INPUT_MEDIA_MISSING,
                INPUT_MEDIA_INVALID,
                MASK_MISMATCH,
                INPUT_SIZE_MISMATCH,
                OPTION_NOT_AVAILABLE,
                VALUE_OUT_OF_RANGE,
                INVALID_INPUT_TYPE,
                CONDITIONING_NOT_CONNECTED,
                COMFY_WORKFLOW_INVALID);
    }

    /** Whether inputs are reported unconnected and every one of them is a conditioning input. */
    private static boolean onlyConditioningUnconnected(ErrorReport report) {
        List<NodeError> missing = report.nodeErrors().stream().filter(e -> e.is("required_input_missing")).toList();
        return !missing.isEmpty()
                && missing.stream().allMatch(e -> CONDITIONING_INPUT.matcher(e.inputName()).matches());
    }

    /** The unconnected inputs, in order, and the first node they belong to. */
    private static Map<String, String> unconnectedInputs(ErrorReport report) {
        List<NodeError> missing = report.nodeErrors().stream().filter(e -> e.is("required_input_missing")).toList();
        Map<String, String> values = new HashMap<>();
        values.put("inputs", String.join(", ", missing.stream().map(NodeError::inputName).distinct().toList()));
        if (!missing.isEmpty() && !missing.get(0).classType().isEmpty()) {
            values.put("node", missing.get(0).classType());
        }
        return values;
    }

    /** Facts from the first validation error that passes the test. */
    private static Function<ErrorReport, Map<String, String>> nodeErrorFacts(Predicate<NodeError> test) {
        return report -> report.nodeErrors().stream().filter(test).findFirst().map(e -> {
            Map<String, String> values = new HashMap<>();
            values.put("missing", e.receivedValue());
            values.put("value", e.receivedValue());
            values.put("input", e.inputName());
            values.put("available", e.optionsSummary());
            values.put("detail", (e.message() + (e.details().isEmpty() ? "" : ": " + e.details())).strip());
            if (!e.classType().isEmpty()) {
                values.put("node", e.classType());
            }
            return values;
        }).orElse(Map.of());
    }
}
