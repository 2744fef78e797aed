package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.GenerationRequestBuilder;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.nio.file.Path;
import java.util.Locale;

/** Requests and configurations the simulator tests share. */
final class SimFixtures {

    static final ModelRegistry MODELS = ModelRegistry.builtIn();

    private SimFixtures() {
    }

    static GpuSimulatorConfig.Builder fastConfig(long seed, FailureProfile profile) {
        return GpuSimulatorConfig.builder().seed(seed).failureProfile(profile).outputMode(OutputMode.NO_VIDEO);
    }

    static GenerationRequestBuilder request(String modelId) {
        ModelSpec model = MODELS.require(modelId);
        Workflow workflow = model.workflows().stream().sorted().findFirst().orElseThrow();
        return GenerationRequest.builder(model, workflow).prompt("a lighthouse at dusk, waves, cinematic");
    }

    /** Wan2.1 T2V-1.3B at 832×480×17 with the text encoder on the CPU: about 5 GB, fits any preset. */
    static GenerationRequest fitting() {
        return request("wan2.1-t2v-1.3b").frames(17).steps(8).textEncoderOnCpu(true).build();
    }

    /** Wan2.1 T2V-14B at 1280×720×81, everything on the GPU: about 70 GB. */
    static GenerationRequest tooLarge() {
        return request("wan2.1-t2v-14b").size(1280, 720).frames(81).build();
    }

    /** Wan2.2 A14B in BF16 streamed layer by layer: fits a 16 GB GPU, but not 64 GB of system RAM. */
    static GenerationRequest ramHungry() {
        return request("wan2.2-t2v-a14b").size(832, 480).frames(33).steps(8).offload(Offload.SEQUENTIAL)
                .precision(Precision.BF16).build();
    }

    static GenerationJob job(String shot, int attempt, GenerationRequest request, Path dir) {
        return new GenerationJob(shot + "-a" + attempt, shot, request, dir);
    }

    /** Runs a job and describes the outcome in one line: the result or the failure kind and cost. */
    static String outcome(GpuSimulatorBackend backend, GenerationJob job) {
        try {
            GenerationResult r = backend.generate(job, ProgressListener.NONE);
            return String.format(Locale.ROOT, "ok %.6f", r.gpuSeconds());
        } catch (SimulatedFailure f) {
            return String.format(Locale.ROOT, "%s %.6f", f.kind(), f.gpuSecondsSpent());
        }
    }
}
