package dev.storycore.generation.backend.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reports about models and inputs: a model file that is not installed (ComfyUI refuses the prompt
 * with {@code value_not_in_list} before running anything), a weights file whose safetensors header is
 * broken, and an input file the client cannot find.
 */
final class ModelReports {

    /** ComfyUI lists the options in a validation error only up to this many. */
    private static final int LISTED_OPTIONS = 20;
    private static final List<String> HEADER_ERRORS = List.of("MetadataIncompleteBuffer", "HeaderTooLarge",
            "InvalidHeaderDeserialization");

    private ModelReports() {
    }

    /** A 400 body or its printed form: {@code unet_name: 'x' not in [...]}. */
    static String missingModel(ReportContext c, String file, List<String> installed) {
        String options = installed.size() > LISTED_OPTIONS ? "(list of length " + installed.size() + ")"
                : installed.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
        String details = "unet_name: '" + file + "' not in " + options;
        if (c.pickForRequest(3) == 0) {
            return "Prompt outputs failed validation:\nUNETLoader:\n- Value not in list: " + details;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("input_name", "unet_name");
        extra.put("input_config", List.of(installed, Map.of()));
        extra.put("received_value", file);
        return ComfyJson.promptRejected("UNETLoader", "value_not_in_list", "Value not in list", details, extra);
    }

    /** The loader's failure on a broken safetensors header. */
    static String corruptWeights(ReportContext c, String file) {
        String message = "Error while deserializing header: " + HEADER_ERRORS.get(c.pickForRequest(
                HEADER_ERRORS.size()));
        List<String> traceback = ComfyJson.traceback("\"/ComfyUI/nodes.py\", line 946, in load_unet",
                "\"/ComfyUI/comfy/utils.py\", line 62, in load_torch_file");
        if (c.pickForRequest(4) == 0) {
            return "!!! Exception during processing !!! " + message + "\nTraceback (most recent call last):\n"
                    + String.join("", traceback) + "safetensors_rust.SafetensorError: " + message;
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("unet_name", file);
        inputs.put("weight_dtype", "default");
        return ComfyJson.executionError(c, "UNETLoader", "safetensors_rust.SafetensorError", message, traceback,
                inputs, c.wrapped());
    }

    /** The client's failure to read an input it was to upload; images may instead fail validation. */
    static String missingInput(ReportContext c, String what, String path) {
        if (!what.equals("video") && c.pickForRequest(2) == 0) {
            String name = path.replace('\\', '/').substring(path.replace('\\', '/').lastIndexOf('/') + 1);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("input_name", "image");
            return ComfyJson.promptRejected("LoadImage", "custom_validation_failed",
                    "Custom validation failed for node", "image - Invalid image file: " + name, extra);
        }
        return "Traceback (most recent call last):\n  File \"/app/comfy_client.py\", line 57, in upload_" + what
                + "\nFileNotFoundError: [Errno 2] No such file or directory: '" + path + "'";
    }
}
