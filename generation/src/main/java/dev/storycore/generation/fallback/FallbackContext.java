package dev.storycore.generation.fallback;

import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.recovery.RecoveryContext;
import dev.storycore.generation.recovery.RecoveryPlanner;
import dev.storycore.generation.request.GenerationRequest;
import java.util.List;
import java.util.Optional;

/**
 * Everything the strategies look at for one failure, worked out once: the model (given, named by the
 * request or the error, or recognised from the folder), the request (the failed one, else the model's
 * defaults), the memory the job can have and the estimate correction an out-of-memory report implies,
 * what is on disk, and which components failed.
 *
 * @param requestGiven whether {@code request} is the failed request rather than the model's defaults
 * @param recovery     capacity and correction; empty without a registry model
 */
record FallbackContext(ModelRegistry models, LocalModelCatalog catalog, FailedPipeline failed, GenerationError error,
                       Optional<ModelSpec> model, Optional<GenerationRequest> request, boolean requestGiven,
                       Optional<RecoveryContext> recovery, List<LocalComponent> failing) {

    static FallbackContext of(ModelRegistry models, LocalModelCatalog scanned, FailedPipeline failed,
                              GenerationError error) {
        LocalModelCatalog own = failed.folder().map(report -> LocalModelCatalog.of(report, models))
                .orElse(LocalModelCatalog.empty());
        String modelId = !failed.modelId().isEmpty() ? failed.modelId()
                : !error.details().modelId().isEmpty() ? error.details().modelId()
                : own.models().stream().map(LocalModel::modelId).filter(id -> !id.isEmpty()).findFirst().orElse("");
        Optional<ModelSpec> model = modelId.isEmpty() ? Optional.empty() : models.find(modelId);
        Optional<GenerationRequest> request = failed.request().filter(r -> model.isPresent())
                .or(() -> model.map(m -> AlternativeModelSuggester.nativeRequest(m,
                        m.workflows().stream().sorted().findFirst().orElseThrow())));
        Optional<RecoveryContext> recovery = request.map(r -> new RecoveryPlanner(models).contextFor(error,
                r.toBuilder().modelId(model.orElseThrow().id()).build(), failed.gpu()));
        List<LocalComponent> failing = FailingComponents.find(own, failed, error, model.map(ModelSpec::id).orElse(""));
        return new FallbackContext(models, own.plus(scanned), failed, error, model,
                request.map(r -> r.toBuilder().modelId(model.orElseThrow().id()).build()),
                failed.request().isPresent(), recovery, failing);
    }

    GenerationErrorCategory category() {
        return error.category();
    }

    GpuProfile gpu() {
        return failed.gpu();
    }

    /** The memory the job can have: the reported capacity less other processes, else the GPU's. */
    long capacityBytes() {
        return recovery.map(RecoveryContext::capacityBytes).orElse(failed.gpu().vramBytes());
    }

    /** Capacity less pre-flight's headroom. */
    long budgetBytes() {
        return recovery.map(RecoveryContext::budgetBytes)
                .orElse(dev.storycore.generation.memory.PreflightPlanner.usableBytes(failed.gpu().vramBytes()));
    }

    double correction() {
        return recovery.map(RecoveryContext::correction).orElse(1.0);
    }

    /** The corrected peak of a request on the failed model. */
    long peak(GenerationRequest request) {
        ModelSpec spec = models.find(request.modelId()).orElseGet(model::orElseThrow);
        return FitSearch.peak(spec, request, correction());
    }

    /** Resource requirements of running a request. */
    ResourceRequirements resources(Optional<GenerationRequest> request, List<String> needs) {
        double budget = ResourceNeeds.round(GpuProfile.gigabytes(capacityBytes()));
        if (request.isEmpty() || models.find(request.get().modelId()).isEmpty()) {
            return new ResourceRequirements(0, budget, false, needs);
        }
        long peak = peak(request.get());
        return new ResourceRequirements(ResourceNeeds.round(GpuProfile.gigabytes(peak)), budget,
                peak <= budgetBytes(), needs);
    }
}
