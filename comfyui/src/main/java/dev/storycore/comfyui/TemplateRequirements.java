package dev.storycore.comfyui;

import dev.storycore.generation.request.Precision;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a server needs to run a template for one model at one precision.
 *
 * @param templateId  the template
 * @param modelId     the model; empty for a template that serves any model
 * @param precision   the precision the files were chosen for
 * @param nodeClasses the node classes, sorted; includes {@code VAEDecodeTiled} wherever
 *                    {@code VAEDecode} is used, since tiling may be switched on to save memory
 * @param modelFiles  the model files its loaders name (uploaded inputs are not model files)
 */
public record TemplateRequirements(String templateId, String modelId, Precision precision, Set<String> nodeClasses,
                                   List<ModelFile> modelFiles) {

    /** Checks for nulls and copies the collections. */
    public TemplateRequirements {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(precision, "precision");
        nodeClasses = Collections.unmodifiableSortedSet(new TreeSet<>(nodeClasses));
        modelFiles = List.copyOf(modelFiles);
    }
}
