package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.comfyui.ModelFile;
import dev.storycore.comfyui.TemplateCatalog;
import dev.storycore.comfyui.TemplateRequirements;
import dev.storycore.comfyui.TemplateSpec;
import dev.storycore.generation.request.Precision;
import java.util.List;

/**
 * Builds an {@code /object_info} body for the fake server: node classes, which of them are output
 * nodes, and the choice lists of loader inputs (the model files the server "has"). The fake validates
 * prompts against it, so a file left out is refused with ComfyUI's {@code value_not_in_list} and a
 * class left out with {@code missing_node_type}. Not thread-safe; build, then hand {@link #json()} to
 * {@link FakeComfyUi#objectInfo(String)}.
 */
public final class FakeObjectInfo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    private FakeObjectInfo() {
    }

    /** @return an object info with no node classes */
    public static FakeObjectInfo empty() {
        return new FakeObjectInfo();
    }

    /**
     * Every node class and model file the catalog's templates need, at every precision, plus empty
     * upload lists for LoadImage, LoadImageMask and LoadVideo (uploads fill them).
     *
     * @param catalog the templates
     * @return the builder
     */
    public static FakeObjectInfo everythingFor(TemplateCatalog catalog) {
        FakeObjectInfo info = new FakeObjectInfo();
        for (TemplateSpec spec : catalog.templates()) {
            List<String> models = spec.models().isEmpty() ? List.of("") : List.copyOf(spec.models());
            for (String model : models) {
                for (Precision precision : Precision.values()) {
                    TemplateRequirements needs = catalog.requirements(spec, model, precision);
                    needs.nodeClasses().forEach(info::node);
                    for (ModelFile file : needs.modelFiles()) {
                        info.choices(file.nodeClass(), file.input(), file.filename());
                    }
                }
            }
        }
        info.choices("UNETLoader", "weight_dtype", "default", "fp8_e4m3fn", "fp8_e4m3fn_fast", "fp8_e5m2");
        info.choices("LoadImage", "image").choices("LoadImageMask", "image").choices("LoadVideo", "file");
        return info;
    }

    /**
     * Adds a node class; {@code Save*} classes are output nodes.
     *
     * @param nodeClass e.g. {@code KSampler}
     * @return this builder
     */
    public FakeObjectInfo node(String nodeClass) {
        if (!root.has(nodeClass)) {
            ObjectNode node = root.putObject(nodeClass);
            node.putObject("input").putObject("required");
            node.put("name", nodeClass).put("display_name", nodeClass).put("category", "fake")
                    .put("output_node", nodeClass.startsWith("Save"));
        }
        return this;
    }

    /**
     * Adds choices to an input's list, creating the node class and the list as needed.
     *
     * @param nodeClass e.g. {@code UNETLoader}
     * @param input     e.g. {@code unet_name}
     * @param values    the choices to add
     * @return this builder
     */
    public FakeObjectInfo choices(String nodeClass, String input, String... values) {
        node(nodeClass);
        ObjectNode required = (ObjectNode) root.path(nodeClass).path("input").path("required");
        if (!required.has(input)) {
            required.putArray(input).addArray();
        }
        ArrayNode list = (ArrayNode) required.path(input).path(0);
        for (String value : values) {
            if (!contains(list, value)) {
                list.add(value);
            }
        }
        return this;
    }

    /**
     * Removes a node class, as on a server where it is not installed.
     *
     * @param nodeClass the class
     * @return this builder
     */
    public FakeObjectInfo without(String nodeClass) {
        root.remove(nodeClass);
        return this;
    }

    /**
     * Removes a file from every choice list, as on a server that does not have it.
     *
     * @param filename e.g. {@code wan2.2_vae.safetensors}
     * @return this builder
     */
    public FakeObjectInfo withoutFile(String filename) {
        root.forEach(node -> node.path("input").path("required").forEach(spec -> {
            if (spec.path(0) instanceof ArrayNode list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).asText().equals(filename)) {
                        list.remove(i);
                    }
                }
            }
        }));
        return this;
    }

    static boolean contains(ArrayNode list, String value) {
        for (var item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** @return the {@code /object_info} body */
    public String json() {
        return root.toString();
    }
}
