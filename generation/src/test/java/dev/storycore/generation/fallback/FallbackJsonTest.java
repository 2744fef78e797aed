package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON every record of the suggester and the fallback handler serializes to, field by field. */
class FallbackJsonTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();
    private static final JsonMapper MAPPER = new JsonMapper();

    @TempDir
    Path root;

    private final FailedPipeline failed = FailedPipeline.builder()
            .request(GenerationRequest.builder(MODELS.require("hunyuan-video-t2v"), Workflow.TEXT_TO_VIDEO)
                    .prompt("a lighthouse").build())
            .gpu(GpuProfile.ofVram(16)).build();

    @Test
    void suggestionsHaveTheDocumentedFields() throws IOException {
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfyWanSmall(root), MODELS);
        JsonNode json = MAPPER.readTree(new AlternativeModelSuggester(MODELS, local)
                .suggest("hunyuan-video-t2v", 16).toJson());

        assertThat(names(json)).containsExactly("targetId", "targetName", "vramGb", "target", "alternatives",
                "localModels", "problems");
        JsonNode first = json.get("alternatives").get(0);
        assertThat(names(first)).containsExactly("modelId", "name", "family", "score", "scoreParts", "local",
                "localPath", "parity", "resources");
        assertThat(names(first.get("scoreParts"))).containsExactly("workflows", "fidelity", "fit", "local");
        assertThat(names(first.get("parity"))).containsExactly("kept", "lost", "gained", "share");
        assertThat(names(first.get("resources"))).containsExactly("budgetGb", "usableGb", "nativePeakGb", "peakGb",
                "fits", "fitsAsIs", "cuts", "size", "frames", "precision", "offload", "vaeTiling", "textEncoderOnCpu",
                "settings", "message");
        assertThat(names(json.get("localModels").get(0))).containsExactly("path", "layout", "modelId", "matchedBy",
                "usable", "files", "problems");
        assertThat(first.get("score").isDouble()).isTrue();
        assertThat(first.get("local").asBoolean()).isTrue();
    }

    @Test
    void aStrategyHasItsStepsLimitationsProbabilityAndResources() throws IOException {
        FallbackStrategy strategy = new FallbackHandler(MODELS).strategies(failed, Errors.outOfMemory()).get(0);

        JsonNode json = MAPPER.readTree(strategy.toJson());

        assertThat(names(json)).containsExactly("type", "summary", "steps", "limitations", "successProbability",
                "resources", "automatic");
        assertThat(names(json.get("resources"))).containsExactly("peakVramGb", "budgetGb", "fitsBudget", "needs");
        assertThat(json.get("steps").isArray()).isTrue();
        assertThat(json.get("successProbability").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void resultsNameTheirVariantAndSayWhetherTheyWorked() throws IOException {
        var handler = new FallbackHandler(MODELS);

        JsonNode change = MAPPER.readTree(handler.execute(FallbackStrategyType.REDUCED_FUNCTIONALITY, failed,
                Errors.outOfMemory()).toJson());
        JsonNode model = MAPPER.readTree(handler.execute(FallbackStrategyType.ALTERNATIVE_MODEL, failed,
                Errors.outOfMemory()).toJson());
        JsonNode none = MAPPER.readTree(handler.execute(FallbackStrategyType.COMPONENT_ISOLATION, failed,
                Errors.outOfMemory()).toJson());

        assertThat(change.get("result").asText()).isEqualTo("REQUEST_CHANGE");
        assertThat(names(change)).contains("result", "strategy", "request", "peakGb", "fits", "steps", "reason",
                "success", "needsHuman");
        assertThat(change.get("request").get("modelId").asText()).isEqualTo("hunyuan-video-t2v");
        assertThat(change.get("success").asBoolean()).isTrue();
        assertThat(model.get("result").asText()).isEqualTo("MODEL_SWITCH");
        assertThat(model.get("modelId").asText()).isEqualTo("wan2.2-ti2v-5b");
        assertThat(names(model)).contains("localPath", "request", "peakGb", "fits");
        assertThat(none.get("result").asText()).isEqualTo("NOT_POSSIBLE");
        assertThat(none.get("success").asBoolean()).isFalse();
        assertThat(none.get("needsHuman").asBoolean()).isFalse();
        assertThat(none.get("steps").isArray()).isTrue();
    }

    @Test
    void aComponentSwapListsEachReplacement() throws IOException {
        Path broken = LocalFolders.comfyWanSmall(root.resolve("a"));
        LocalFolders.truncate(broken.resolve("models/vae/wan_2.1_vae.safetensors"));
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfyWanSmall(root.resolve("b")), MODELS);
        FailedPipeline pipeline = FailedPipeline.builder().folder(ModelFolderAnalyzer.analyze(broken)).build();

        JsonNode json = MAPPER.readTree(new FallbackHandler(MODELS, local).execute(
                FallbackStrategyType.COMPONENT_ISOLATION, pipeline, Errors.of(
                        dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_INTEGRITY, "truncated"))
                .toJson());

        assertThat(json.get("result").asText()).isEqualTo("COMPONENT_SWAP");
        assertThat(names(json.get("replacements").get(0))).containsExactly("component", "key", "broken",
                "replacement", "fromModel");
        assertThat(json.get("unresolved")).isEmpty();
    }

    @Test
    void aCatalogSerializesItsModelsComponentsAndProblems() throws IOException {
        LocalModelCatalog local = LocalModelCatalog.scan(LocalFolders.comfyWanSmall(root), MODELS);

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(local));

        assertThat(names(json)).containsExactly("models", "components", "problems");
        assertThat(names(json.get("components").get(0))).containsExactly("key", "name", "path", "singleFile",
                "status", "modelId", "bytes");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
