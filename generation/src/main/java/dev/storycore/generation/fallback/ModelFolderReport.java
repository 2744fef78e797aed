package dev.storycore.generation.fallback;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model folder holds and whether it can be used as it is. Immutable.
 *
 * <p>JSON ({@link #toJson()}, or any Jackson mapper): {@code root} (a path string), {@code layout},
 * {@code pipeline}, {@code usable}, {@code components} (each {@code name}, {@code status},
 * {@code problems}, {@code bytes}, {@code parameters}, {@code tensorCount}, {@code dtypes},
 * {@code estimatedMemoryBytes}, {@code files}) and {@code problems}.
 *
 * @param root       the folder as given to the analyzer
 * @param layout     how it is organised
 * @param pipeline   the diffusers pipeline class, empty for other layouts
 * @param usable     true when every component is OK and there is no folder-level problem; pickle
 *                   weights make a folder unusable because loading them can run code
 * @param components the components: required ones first for diffusers, one per weight file for
 *                   ComfyUI
 * @param problems   folder-level sentences: no recognisable layout, invalid model_index.json, …
 */
public record ModelFolderReport(
        @JsonSerialize(using = ToStringSerializer.class) Path root,
        ModelLayout layout,
        String pipeline,
        boolean usable,
        List<ComponentReport> components,
        List<String> problems) {

    /** Checks that nothing is null and copies the lists. */
    public ModelFolderReport {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(pipeline, "pipeline");
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    /**
     * A report whose {@code usable} follows from its components and problems.
     *
     * @param root       the folder as given
     * @param layout     how it is organised
     * @param pipeline   the pipeline class or empty
     * @param components the components
     * @param problems   folder-level problems
     * @return the report
     */
    public static ModelFolderReport of(Path root, ModelLayout layout, String pipeline,
                                       List<ComponentReport> components, List<String> problems) {
        boolean usable = problems.isEmpty() && !components.isEmpty()
                && components.stream().allMatch(component -> component.status() == ComponentStatus.OK);
        return new ModelFolderReport(root, layout, pipeline, usable, components, problems);
    }

    /**
     * A component by name.
     *
     * @param name e.g. {@code transformer_2}
     * @return the component, or empty
     */
    public Optional<ComponentReport> component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    /**
     * This report as indented JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.toPrettyJson(this);
    }
}
