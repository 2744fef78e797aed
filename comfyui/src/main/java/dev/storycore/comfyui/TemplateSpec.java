package dev.storycore.comfyui;

import dev.storycore.generation.model.Workflow;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a {@link TemplateCatalog}: a workflow template and the requests it serves.
 *
 * @param id        stable id, e.g. {@code wan22-ti2v-5b-t2v}
 * @param title     a line for people, e.g. {@code Wan2.2 TI2V-5B, text to video}
 * @param template  the API-format workflow with placeholders
 * @param models    the model ids it serves; empty means any model (an upscale template)
 * @param workflows the workflows it serves, never empty
 * @param defaults  placeholder values the template brings, e.g. {@code shift -> 8.0}; a model's files
 *                  and the request override them
 * @param notes     what the template assumes, for documentation and the doctor; may be empty
 */
public record TemplateSpec(String id, String title, WorkflowTemplate template, Set<String> models,
                           Set<Workflow> workflows, Map<String, Object> defaults, String notes) {

    /**
     * Checks the values and copies the collections.
     *
     * @throws IllegalArgumentException when the id is blank, no workflow is given, or a default is
     *                                  not a string, number or boolean
     */
    public TemplateSpec {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(template, "template");
        models = Set.copyOf(models);
        workflows = Set.copyOf(workflows);
        if (workflows.isEmpty()) {
            throw new IllegalArgumentException("workflows must not be empty for template " + id);
        }
        defaults = Maps.ordered(defaults);
        defaults.forEach((key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("default " + key + " of template " + id
                        + " must be a string, number or boolean");
            }
        });
        Objects.requireNonNull(notes, "notes");
    }

    /**
     * A user's template for some models and workflows, without defaults.
     *
     * @param template  the workflow, e.g. from {@link WorkflowTemplate#read}
     * @param models    the model ids it serves; empty for any model
     * @param workflows the workflows it serves
     * @return the entry, its id and title the template's name
     */
    public static TemplateSpec custom(WorkflowTemplate template, Set<String> models, Set<Workflow> workflows) {
        return new TemplateSpec(template.name(), template.name(), template, models, workflows, Map.of(),
                "user-supplied workflow");
    }

    /**
     * Whether this entry serves a request.
     *
     * @param modelId  the request's model
     * @param workflow the request's workflow
     * @return true when both match
     */
    public boolean serves(String modelId, Workflow workflow) {
        return workflows.contains(workflow) && (models.isEmpty() || models.contains(modelId));
    }
}
