package dev.storycore.generation.fallback;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What failed: a model (by registry id), the folder it was loaded from (as analysed), the request
 * that ran, the GPU it ran on; any of the first three may be unknown. Build one with
 * {@link #builder()}. Immutable and thread-safe.
 */
public final class FailedPipeline {

    private final String modelId;
    private final ModelFolderReport folder;
    private final GenerationRequest request;
    private final GpuProfile gpu;

    private FailedPipeline(Builder builder) {
        this.modelId = builder.modelId;
        this.folder = builder.folder;
        this.request = builder.request;
        this.gpu = builder.gpu;
    }

    /**
     * A builder: no model, folder or request; the GPU defaults to {@link GpuPresets#DEFAULT} (16 GB).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The model as given, else the request's model; empty when neither was given (the handler then
     * asks the error details and the folder).
     *
     * @return the registry id or empty
     */
    public String modelId() {
        if (!modelId.isEmpty()) {
            return modelId;
        }
        return request == null ? "" : request.modelId();
    }

    /** @return the analysed folder, if known */
    public Optional<ModelFolderReport> folder() {
        return Optional.ofNullable(folder);
    }

    /** @return the request that failed, if known */
    public Optional<GenerationRequest> request() {
        return Optional.ofNullable(request);
    }

    /** @return the GPU it ran on */
    public GpuProfile gpu() {
        return gpu;
    }

    /** Builds a {@link FailedPipeline}. Not thread-safe. */
    public static final class Builder {

        private String modelId = "";
        private ModelFolderReport folder;
        private GenerationRequest request;
        private GpuProfile gpu = GpuPresets.DEFAULT;

        private Builder() {
        }

        /**
         * @param value the registry id of the model that failed
         * @return this builder
         */
        public Builder modelId(String value) {
            this.modelId = Objects.requireNonNull(value, "modelId").strip();
            return this;
        }

        /**
         * @param value the analyzer's report on the folder the model was loaded from
         * @return this builder
         */
        public Builder folder(ModelFolderReport value) {
            this.folder = Objects.requireNonNull(value, "folder");
            return this;
        }

        /**
         * @param value the request that failed
         * @return this builder
         */
        public Builder request(GenerationRequest value) {
            this.request = Objects.requireNonNull(value, "request");
            return this;
        }

        /**
         * @param value the GPU it ran on
         * @return this builder
         */
        public Builder gpu(GpuProfile value) {
            this.gpu = Objects.requireNonNull(value, "gpu");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the failed pipeline
         */
        public FailedPipeline build() {
            return new FailedPipeline(this);
        }
    }
}
