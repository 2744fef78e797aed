package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills templates in for requests and derives what they need. Values are layered, later winning:
 * the template's defaults, the model's files for the request's precision, the request, the uploaded
 * inputs, the catalog's overrides. Not exported; stateless.
 */
final class WorkflowBinder {

    /** ComfyUI's VAEDecodeTiled defaults for the frame-wise part of a video VAE. */
    private static final int TEMPORAL_SIZE = 64;
    private static final int TEMPORAL_OVERLAP = 8;

    private WorkflowBinder() {
    }

    static BoundWorkflow bind(TemplateCatalog catalog, TemplateSpec spec, GenerationRequest request,
                              ServerInputs inputs) {
        ObjectNode workflow = spec.template().bind(parameters(catalog, spec, request, inputs));
        List<String> notes = new ArrayList<>();
        notes.add("template " + spec.id());
        if (request.vaeTiling()) {
            tileDecoders(workflow, request.vaeTileSize(), notes);
        }
        if (request.textEncoderOnCpu()) {
            textEncodersOnCpu(workflow, notes);
        }
        return new BoundWorkflow(spec, workflow, notes);
    }

    static Map<String, Object> parameters(TemplateCatalog catalog, TemplateSpec spec, GenerationRequest request,
                                          ServerInputs inputs) {
        Map<String, Object> values = new LinkedHashMap<>(spec.defaults());
        catalog.modelFiles(request.modelId()).ifPresent(files -> values.putAll(files.valuesFor(request.precision())));
        values.put(Placeholder.PROMPT.key(), request.prompt());
        values.put(Placeholder.NEGATIVE_PROMPT.key(), request.negativePrompt());
        values.put(Placeholder.WIDTH.key(), request.width());
        values.put(Placeholder.HEIGHT.key(), request.height());
        values.put(Placeholder.LENGTH.key(), request.frames());
        values.put(Placeholder.FRAMES.key(), request.frames());
        values.put(Placeholder.BATCH_SIZE.key(), request.batchSize());
        values.put(Placeholder.STEPS.key(), request.steps());
        values.put(Placeholder.HALF_STEPS.key(), Math.max(1, request.steps() / 2));
        values.put(Placeholder.CFG.key(), request.cfg());
        values.put(Placeholder.SEED.key(), request.seed());
        values.put(Placeholder.FPS.key(), request.fps());
        values.put(Placeholder.FILENAME_PREFIX.key(), inputs.filenamePrefix());
        putIfPresent(values, Placeholder.INPUT_IMAGE, inputs.inputImage());
        putIfPresent(values, Placeholder.MASK, inputs.mask());
        putIfPresent(values, Placeholder.SOURCE_VIDEO, inputs.sourceVideo());
        values.putAll(catalog.overrides());
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, Placeholder placeholder, String value) {
        if (!value.isEmpty()) {
            values.put(placeholder.key(), value);
        }
    }

    /**
     * VAEDecodeTiled instead of VAEDecode. Plain VAEDecode already retries in tiles after an OOM, but
     * only after first trying the whole latent; asking for tiling skips that first, failing attempt.
     */
    private static void tileDecoders(ObjectNode workflow, int requestedTile, List<String> notes) {
        int tile = Math.max(64, Math.min(4096, requestedTile / 32 * 32));
        int overlap = Math.min(64, tile / 4 / 32 * 32);
        workflow.properties().forEach(entry -> {
            ObjectNode node = (ObjectNode) entry.getValue();
            String classType = node.path("class_type").asText();
            if (classType.equals("VAEDecode") || classType.equals("VAEDecodeTiled")) {
                node.put("class_type", "VAEDecodeTiled");
                ObjectNode inputs = (ObjectNode) node.path("inputs");
                inputs.put("tile_size", tile).put("overlap", overlap);
                if (!inputs.has("temporal_size")) {
                    inputs.put("temporal_size", TEMPORAL_SIZE).put("temporal_overlap", TEMPORAL_OVERLAP);
                }
            }
        });
        notes.add("VAE decodes in " + tile + " px tiles (overlap " + overlap + ")");
    }

    private static void textEncodersOnCpu(ObjectNode workflow, List<String> notes) {
        workflow.properties().forEach(entry -> {
            String classType = entry.getValue().path("class_type").asText();
            if (classType.equals("CLIPLoader") || classType.equals("DualCLIPLoader")) {
                ((ObjectNode) entry.getValue().path("inputs")).put("device", "cpu");
            }
        });
        notes.add("text encoders run on the CPU");
    }

    static TemplateRequirements requirements(TemplateCatalog catalog, TemplateSpec spec, String modelId,
                                             Precision precision) {
        Workflow workflow = spec.workflows().iterator().next();
        GenerationRequest probe = GenerationRequest.builder(workflow, modelId).precision(precision)
                .prompt("probe").build();
        ObjectNode bound = spec.template().bind(parameters(catalog, spec, probe,
                new ServerInputs("input.png", "mask.png", "source.mp4", "storycore")));
        Set<String> nodes = new TreeSet<>();
        Set<ModelFile> files = new LinkedHashSet<>();
        bound.properties().forEach(entry -> {
            String classType = entry.getValue().path("class_type").asText();
            nodes.add(classType);
            if (classType.equals("VAEDecode")) {
                nodes.add("VAEDecodeTiled");
            }
            entry.getValue().path("inputs").properties().forEach(input -> modelFile(catalog, classType,
                    input.getKey(), input.getValue()).ifPresent(files::add));
        });
        return new TemplateRequirements(spec.id(), modelId, precision, nodes, List.copyOf(files));
    }

    private static Optional<ModelFile> modelFile(TemplateCatalog catalog, String classType, String input,
                                                           JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        return LoaderInputs.modelFolder(classType, input).map(folder -> new ModelFile(value.asText(), folder, classType,
                input, catalog.sourceOf(value.asText()).orElse("")));
    }
}
