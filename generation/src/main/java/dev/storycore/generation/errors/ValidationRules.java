package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.CONDITIONING;
import static dev.storycore.generation.errors.GenerationErrorCategory.MODEL_LOADING;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.errorType;
import static dev.storycore.generation.errors.When.nodeError;
import static dev.storycore.generation.errors.When.nodeErrorType;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.status;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rules for a prompt ComfyUI refused before running it ({@code /prompt} 400, or the same errors in
 * its log): a model file that is not installed, a node type no installed pack provides, an option
 * or value out of range, an input image that is not there, and a graph that is broken. The most
 * fundamental problem wins when a prompt has several.
 */
final class ValidationRules {

    private static final Predicate<NodeError> MISSING_MODEL = e -> e.is("value_not_in_list") && e.selectsModelFile();

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
                    .when(any(phrase("invalid image file", "invalid video file", "`image` has to be of type",
                                    "image must be provided", "start_image is required", "no image provided"),
                            pattern("(?:no such file or directory|not found|does not exist)[^\\n]{0,200}"
                                    + "\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv)\\b"),
                            pattern("\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv)'?[^\\n]{0,40}"
                                    + "(?:not found|does not exist)")))
                    .reads(Facts.firstOf("media", "invalid (?:image|video) file:?\\s*(\\S+)",
                            "([\\w.\\-/]+\\.(?:png|jpe?g|webp|bmp|gif|mp4|webm|mov|mkv))\\b"))
                    .says("An input image or video is missing or unreadable[: {media}][ ({node})].")
                    .advises("Upload the image or video to the server again (ComfyUI POST /upload/image) and"
                                    + " reference the name it returns.",
                            "Image-to-video needs a start image: supply one or switch to text-to-video.");

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
                OPTION_NOT_AVAILABLE,
                VALUE_OUT_OF_RANGE,
                INVALID_INPUT_TYPE,
                COMFY_WORKFLOW_INVALID);
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
