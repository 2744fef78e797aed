package dev.storycore.comfyui;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /object_info}, reduced to what a backend checks: which node classes are installed and,
 * for inputs that offer a fixed list (loader file names, sampler names, ...), which choices exist.
 *
 * @param nodes node classes by name, in the server's order
 */
public record ObjectInfo(Map<String, NodeClass> nodes) {

    /** Copies the map, keeping its order. */
    public ObjectInfo {
        nodes = Maps.ordered(nodes);
    }

    /**
     * One node class.
     *
     * @param name        the class name, e.g. {@code UNETLoader}
     * @param displayName the name shown in the UI
     * @param category    e.g. {@code advanced/loaders}
     * @param outputNode  whether it is an output node (it saves or shows results)
     * @param choices     the inputs that take one of a list of values (required and optional), by
     *                    input name, with the list, e.g. {@code unet_name -> [wan2.1_t2v_1.3B_fp16.safetensors]}
     */
    public record NodeClass(String name, String displayName, String category, boolean outputNode,
                            Map<String, List<String>> choices) {
        /** Checks for nulls and copies the map. */
        public NodeClass {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(category, "category");
            choices = Maps.orderedLists(choices);
        }
    }

    /**
     * The installed node class names.
     *
     * @return an immutable set in the server's order
     */
    public Set<String> nodeClasses() {
        return nodes.keySet();
    }

    /**
     * Whether a node class is installed.
     *
     * @param nodeClass e.g. {@code WanVideoSampler}
     * @return true when present
     */
    public boolean has(String nodeClass) {
        return nodes.containsKey(nodeClass);
    }

    /**
     * One node class.
     *
     * @param nodeClass the class name
     * @return the class, or empty when not installed
     */
    public Optional<NodeClass> node(String nodeClass) {
        return Optional.ofNullable(nodes.get(nodeClass));
    }

    /**
     * The choices one input offers, e.g. {@code choices("UNETLoader", "unet_name")} lists the
     * diffusion model files the server has.
     *
     * @param nodeClass the class name
     * @param input     the input name
     * @return the choices; empty when the class or input is missing or not a list
     */
    public List<String> choices(String nodeClass, String input) {
        NodeClass node = nodes.get(nodeClass);
        return node == null ? List.of() : node.choices().getOrDefault(input, List.of());
    }

    /**
     * The node classes of {@code required} that are not installed.
     *
     * @param required class names a workflow needs
     * @return the missing ones, in the given order
     */
    public List<String> missing(Collection<String> required) {
        return required.stream().filter(name -> !nodes.containsKey(name)).distinct().toList();
    }
}
