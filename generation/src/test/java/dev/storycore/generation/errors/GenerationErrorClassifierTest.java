package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import org.junit.jupiter.api.Test;

class GenerationErrorClassifierTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();
    private static final long GIB = 1L << 30;

    private static final String OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB."
            + " GPU 0 has a total capacity of 15.70 GiB of which 1.12 GiB is free.";

    @Test
    void messageNamesTheModelAndTheNumbers() {
        GenerationError error = CLASSIFIER.classify(OOM, "wan2.1-t2v-14b");

        assertThat(error.code()).isEqualTo("GPU_OOM");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.MEMORY_MANAGEMENT);
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).contains("wan2.1-t2v-14b", "2.50 GiB", "15.70 GiB", "1.12 GiB");
        assertThat(error.details().modelId()).isEqualTo("wan2.1-t2v-14b");
        assertThat(error.details().requestedBytes()).isEqualTo((long) (2.5 * GIB));
        assertThat(error.details().capacity()).hasValue(Math.round(15.70 * GIB));
        assertThat(error.details().freeBytes()).isEqualTo(Math.round(1.12 * GIB));
        assertThat(error.details().exceptionType()).isEqualTo("torch.OutOfMemoryError");
        assertThat(error.guidance()).anyMatch(line -> line.contains("1.38 GiB more"));
    }

    @Test
    void namesAHubModelFromTheTextWhenTheCallerGaveNone() {
        GenerationError error = CLASSIFIER.classify("huggingface_hub.errors.GatedRepoError: 403 Client Error.\n"
                + "Cannot access gated repo for url"
                + " https://huggingface.co/tencent/HunyuanVideo-I2V/resolve/main/x.pt.");

        assertThat(error.code()).isEqualTo("HUB_GATED");
        assertThat(error.details().modelId()).isEqualTo("tencent/HunyuanVideo-I2V");
        assertThat(error.message()).contains("tencent/HunyuanVideo-I2V");
    }

    @Test
    void readsAnExecutionErrorPayload() {
        GenerationError error = CLASSIFIER.classify("""
                {"prompt_id": "p1", "node_id": "8", "node_type": "VAEDecode", "executed": ["3"],
                 "exception_message": "Allocation on device ", "exception_type": "torch.OutOfMemoryError",
                 "traceback": ["  File \\"/ComfyUI/execution.py\\", line 1, in execute\\n"],
                 "current_inputs": {}, "current_outputs": [], "timestamp": 1}""", "hunyuan-video-t2v");

        assertThat(error.code()).isEqualTo("GPU_OOM_VAE");
        assertThat(error.details().nodeType()).isEqualTo("VAEDecode");
        assertThat(error.details().exceptionType()).isEqualTo("torch.OutOfMemoryError");
        assertThat(error.message()).contains("VAEDecode", "hunyuan-video-t2v");
    }

    @Test
    void readsTheWebSocketMessageAroundAnExecutionError() {
        GenerationError error = CLASSIFIER.classify("""
                {"type": "execution_error", "data": {"prompt_id": "p1", "node_id": "37", "node_type": "UNETLoader",
                 "exception_message": "Error while deserializing header: HeaderTooLarge",
                 "exception_type": "safetensors_rust.SafetensorError", "traceback": [], "executed": []}}""");

        assertThat(error.code()).isEqualTo("WEIGHTS_CORRUPT");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.WEIGHTS_INTEGRITY);
        assertThat(error.details().nodeType()).isEqualTo("UNETLoader");
    }

    @Test
    void readsAPromptRejectionNamingTheMissingFileAndWhatIsInstalled() {
        GenerationError error = CLASSIFIER.classify("""
                {"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
                           "details": "", "extra_info": {}},
                 "node_errors": {"37": {"errors": [{"type": "value_not_in_list", "message": "Value not in list",
                     "details": "unet_name: 'wan2.2_ti2v_5B_fp16.safetensors' not in ['a.safetensors', 'b.safetensors',
                      'c.safetensors', 'd.safetensors', 'e.safetensors', 'f.safetensors', 'g.safetensors']",
                     "extra_info": {"input_name": "unet_name",
                       "input_config": [["a.safetensors", "b.safetensors", "c.safetensors", "d.safetensors",
                                         "e.safetensors", "f.safetensors", "g.safetensors"], {}],
                       "received_value": "wan2.2_ti2v_5B_fp16.safetensors"}}],
                   "dependent_outputs": ["28"], "class_type": "UNETLoader"}}}""");

        assertThat(error.code()).isEqualTo("COMFY_MODEL_FILE_MISSING");
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.message()).contains("wan2.2_ti2v_5B_fp16.safetensors", "UNETLoader", "unet_name",
                "a.safetensors", "and 2 more");
        assertThat(error.details().modelId()).isEqualTo("wan2.2_ti2v_5B_fp16.safetensors");
    }

    @Test
    void readsAPromptRejectionForAMissingCustomNode() {
        GenerationError error = CLASSIFIER.classify("""
                {"error": {"type": "missing_node_type",
                           "message": "Node 'HunyuanVideo Sampler' not found. The custom node may not be installed.",
                           "details": "Node ID '#3'", "extra_info": {"class_type": "HyVideoSampler"}},
                 "node_errors": {}}""");

        assertThat(error.code()).isEqualTo("COMFY_NODE_MISSING");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.MODEL_LOADING);
        assertThat(error.message()).contains("HyVideoSampler");
    }

    @Test
    void readsOutOfRangeValuesAsParameterValidation() {
        GenerationError error = CLASSIFIER.classify("""
                {"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation"},
                 "node_errors": {"55": {"class_type": "WanImageToVideo", "errors": [{"type": "value_bigger_than_max",
                   "message": "Value 8192 bigger than max of 4096", "details": "width",
                   "extra_info": {"input_name": "width"}}]}}}""");

        assertThat(error.code()).isEqualTo("VALUE_OUT_OF_RANGE");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.PARAMETER_VALIDATION);
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).contains("width", "WanImageToVideo", "8192");
    }

    @Test
    void readsAnInterruptedMessageAsCancelledNotFailed() {
        GenerationError error = CLASSIFIER.classify(
                "{\"type\": \"execution_interrupted\", \"data\": {\"prompt_id\": \"p\", \"node_type\": \"KSampler\"}}");

        assertThat(error.category()).isEqualTo(GenerationErrorCategory.INTERRUPTED);
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void unknownTextIsUnknownAndNeverRetried() {
        GenerationError error = CLASSIFIER.classify("The quick brown fox jumps over the lazy dog.");

        assertThat(error.code()).isEqualTo("UNKNOWN");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.UNKNOWN);
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.message()).contains("quick brown fox");
        assertThat(error.guidance()).isNotEmpty();
    }

    @Test
    void emptyTextAndBrokenJsonAreUnknownRatherThanFailures() {
        assertThat(CLASSIFIER.classify("").code()).isEqualTo("UNKNOWN");
        assertThat(CLASSIFIER.classify("{\"exception_message\": ").code()).isEqualTo("UNKNOWN");
        assertThat(CLASSIFIER.classify("[1, 2, 3]").code()).isEqualTo("UNKNOWN");
    }

    @Test
    void findsTheErrorAtTheEndOfAnOverlongLog() {
        String log = "step 1 ok\n".repeat(40_000) + "RuntimeError: CUDA error: out of memory\n";

        assertThat(CLASSIFIER.classify(log).code()).isEqualTo("GPU_OOM");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> CLASSIFIER.classify((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLASSIFIER.classify("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CLASSIFIER.classifyFailure(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givesTheCoreClassificationWithTheMappedCategory() {
        GenerationError error = CLASSIFIER.classify(OOM);
        Classification core = error.toClassification();

        assertThat(core.category()).isEqualTo(ErrorCategory.MEMORY);
        assertThat(core.code()).isEqualTo(error.code());
        assertThat(core.disposition()).isEqualTo(error.disposition());
        assertThat(core.guidance()).isEqualTo(error.guidance());
    }

    @Test
    void listsEveryCodeOnce() {
        assertThat(GenerationErrorClassifier.codes()).contains("GPU_OOM", "HOST_OOM", "WEIGHTS_TRUNCATED",
                "COMFY_MODEL_FILE_MISSING", "COMFY_NODE_MISSING", "BACKEND_CONNECTION_REFUSED", "UNKNOWN")
                .doesNotHaveDuplicates();
    }
}
