package dev.storycore.comfyui;

import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The workflow templates a backend chooses from, each model's files, and where the files are
 * published. {@link #builtIn()} holds templates for Wan2.2 T2V-A14B, I2V-A14B and TI2V-5B, Wan2.1
 * T2V and I2V, HunyuanVideo T2V and I2V, VACE inpainting, Wan-Alpha transparent video and upscaling
 * with an upscale model (see {@code docs/comfyui.md}).
 *
 * <p>{@link #find} returns the first entry that serves the request's model and workflow; put a user's
 * template first with {@link Builder#addFirst}. {@link #bind} fills a template in for a request;
 * {@link #requirements} says which node classes and model files it needs, for the doctor.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateCatalog {

    private static final TemplateCatalog BUILT_IN = CatalogJson.load(new Builder()).build();

    private final List<TemplateSpec> templates;
    private final Map<String, ModelFiles> modelFiles;
    private final Map<String, String> sources;
    private final Map<String, Object> overrides;

    private TemplateCatalog(Builder builder) {
        this.templates = List.copyOf(builder.templates);
        this.modelFiles = Maps.ordered(builder.modelFiles);
        this.sources = Maps.ordered(builder.sources);
        this.overrides = Maps.ordered(builder.overrides);
    }

    /**
     * The templates and model files that ship with StoryCore.
     *
     * @return the shared built-in catalog
     */
    public static TemplateCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * An empty catalog to fill.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this catalog's entries, e.g. to put a user's template first.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.templates.addAll(templates);
        builder.modelFiles.putAll(modelFiles);
        builder.sources.putAll(sources);
        builder.overrides.putAll(overrides);
        return builder;
    }

    /** @return every entry, in the order {@link #find} tries them */
    public List<TemplateSpec> templates() {
        return templates;
    }

    /**
     * An entry by id.
     *
     * @param id e.g. {@code hunyuan-t2v}
     * @return the entry, or empty
     */
    public Optional<TemplateSpec> template(String id) {
        return templates.stream().filter(spec -> spec.id().equals(id)).findFirst();
    }

    /**
     * The first entry that serves a model and workflow.
     *
     * @param modelId  e.g. {@code wan2.2-ti2v-5b}
     * @param workflow e.g. {@link Workflow#TEXT_TO_VIDEO}
     * @return the entry, or empty when none serves them
     */
    public Optional<TemplateSpec> find(String modelId, Workflow workflow) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(workflow, "workflow");
        return templates.stream().filter(spec -> spec.serves(modelId, workflow)).findFirst();
    }

    /**
     * The first entry that serves a model and workflow, or a clear error.
     *
     * @param modelId  the model
     * @param workflow the workflow
     * @return the entry
     * @throws TemplateException naming the model, the workflow and what the catalog does serve
     */
    public TemplateSpec require(String modelId, Workflow workflow) {
        return find(modelId, workflow).orElseThrow(() -> new TemplateException("no ComfyUI workflow template for "
                + modelId + " " + workflow + "; templates exist for: " + templates.stream()
                .map(spec -> (spec.models().isEmpty() ? "any model" : String.join("/", spec.models())) + " "
                        + spec.workflows().stream().map(Enum::name).sorted().collect(Collectors.joining("/")))
                .collect(Collectors.joining(", "))));
    }

    /**
     * A model's files.
     *
     * @param modelId the model
     * @return its files, or empty when the catalog does not know the model
     */
    public Optional<ModelFiles> modelFiles(String modelId) {
        return Optional.ofNullable(modelFiles.get(modelId));
    }

    /**
     * Where a file is published, by the longest matching file-name prefix.
     *
     * @param filename e.g. {@code wan2.2_vae.safetensors}
     * @return e.g. {@code huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged}, or empty when unknown
     */
    public Optional<String> sourceOf(String filename) {
        return sources.entrySet().stream()
                .filter(source -> filename.startsWith(source.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** @return placeholder values that win over everything else, e.g. a fine-tuned model file */
    public Map<String, Object> overrides() {
        return overrides;
    }

    /**
     * Chooses the template for a request and fills it in: every placeholder bound, every
     * {@code VAEDecode} turned into {@code VAEDecodeTiled} when the request asks for tiling, and every
     * text encoder loader put on the CPU when the request asks for that.
     *
     * @param request the request, already validated
     * @param inputs  the uploaded inputs' names and the output prefix
     * @return the workflow to queue
     * @throws TemplateException when no template serves the request or a placeholder has no value
     */
    public BoundWorkflow bind(GenerationRequest request, ServerInputs inputs) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        return WorkflowBinder.bind(this, require(request.modelId(), request.workflow()), request, inputs);
    }

    /**
     * Fills in a given entry for a request (see {@link #bind(GenerationRequest, ServerInputs)}).
     *
     * @param spec    the entry
     * @param request the request
     * @param inputs  the uploaded inputs' names and the output prefix
     * @return the workflow to queue
     * @throws TemplateException when a placeholder has no value
     */
    public BoundWorkflow bind(TemplateSpec spec, GenerationRequest request, ServerInputs inputs) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        return WorkflowBinder.bind(this, spec, request, inputs);
    }

    /**
     * Which node classes and model files a template needs for a model at a precision.
     *
     * @param spec      the entry
     * @param modelId   the model; empty for a template that serves any model
     * @param precision the precision that picks the files
     * @return the requirements
     * @throws TemplateException when the template uses a file placeholder the model has no value for
     */
    public TemplateRequirements requirements(TemplateSpec spec, String modelId, Precision precision) {
        return WorkflowBinder.requirements(this, spec, modelId, precision);
    }

    /** Collects entries. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final List<TemplateSpec> templates = new ArrayList<>();
        private final Map<String, ModelFiles> modelFiles = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, Object> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds an entry after the others. @param spec the entry @return this builder */
        public Builder add(TemplateSpec spec) {
            templates.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Adds an entry before the others, so it wins. @param spec the entry @return this builder */
        public Builder addFirst(TemplateSpec spec) {
            templates.add(0, Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Sets a model's files, replacing earlier ones. @param files the files @return this builder */
        public Builder modelFiles(ModelFiles files) {
            modelFiles.put(files.modelId(), files);
            return this;
        }

        /**
         * Says where files whose names start with {@code prefix} are published.
         *
         * @param prefix a file-name prefix, e.g. {@code wan2.2_}
         * @param where  e.g. {@code huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged}
         * @return this builder
         */
        public Builder source(String prefix, String where) {
            sources.put(Objects.requireNonNull(prefix, "prefix"), Objects.requireNonNull(where, "where"));
            return this;
        }

        /**
         * A placeholder value that wins over templates, model files and requests, e.g.
         * {@code upscale_model -> 4x-UltraSharp.pth} or a fine-tuned {@code diffusion_model}.
         *
         * @param placeholder the name
         * @param value       a string, number or boolean
         * @return this builder
         * @throws IllegalArgumentException when the value is of another type
         */
        public Builder override(String placeholder, Object value) {
            Objects.requireNonNull(placeholder, "placeholder");
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("override " + placeholder + " must be a string, number or boolean");
            }
            overrides.put(placeholder, value);
            return this;
        }

        /** @return the catalog */
        public TemplateCatalog build() {
            return new TemplateCatalog(this);
        }
    }
}
