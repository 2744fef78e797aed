package dev.storycore.comfyui;

import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.Precision;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether one template can run on a server for one model, and what is missing if not.
 *
 * @param templateId         the template
 * @param title              its title
 * @param modelId            the model; empty for a template that serves any model
 * @param workflows          the workflows it serves
 * @param runnablePrecisions the precisions whose files are all present (nodes present too), in
 *                           {@link Precision} order; empty when it cannot run
 * @param missingNodes       node classes the server does not have
 * @param missingFiles       model files the loaders do not offer, for the precision closest to running
 *                           (BF16 first on a tie); empty when it can run
 * @param fixes              what to do, one line each, e.g. {@code put wan2.2_vae.safetensors in models/vae
 *                           (from huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged)}
 */
public record TemplateCheck(String templateId, String title, String modelId, Set<Workflow> workflows,
                            Set<Precision> runnablePrecisions, List<String> missingNodes,
                            List<ModelFile> missingFiles, List<String> fixes) {

    /** Checks for nulls and copies the collections. */
    public TemplateCheck {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(modelId, "modelId");
        workflows = Set.copyOf(workflows);
        runnablePrecisions = runnablePrecisions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(runnablePrecisions));
        missingNodes = List.copyOf(missingNodes);
        missingFiles = List.copyOf(missingFiles);
        fixes = List.copyOf(fixes);
    }

    /** @return true when it runs at some precision */
    public boolean runnable() {
        return !runnablePrecisions.isEmpty();
    }
}
