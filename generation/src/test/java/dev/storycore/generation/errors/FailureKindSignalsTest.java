package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.Disposition;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Signals that recognise a kind of failure rather than one wording: the frame grid of any step, input
 * and weight types on different devices, image tokens against image features, a GPU fault inside an
 * optional attention kernel, a client's bare 400 from {@code /prompt}, a backend that is not
 * ready, a size outside a service's list, a LoRA that does not fit, every file name a loader tried, a
 * weights file a node refuses, a video view whose frames do not split into latent frames, unconnected
 * conditioning, a weights URL that refuses the download, a collective that hangs, a kernel library
 * refusing the GPU generation, and a transfer cut off on the wire. The messages must carry what the
 * text states.
 */
class FailureKindSignalsTest {

    private static final GenerationErrorClassifier CLASSIFIER = new GenerationErrorClassifier();

    @Test
    void frameGridMessageNamesTheStepTheTextStatesAndTheNearestValidCounts() {
        GenerationError error = CLASSIFIER.classify("ValueError: clip length has to follow 8k+1 frames; received 100",
                "ltx-video");

        assertThat(error.code()).isEqualTo("FRAMES_NOT_4K_PLUS_1");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.TEMPORAL_PROCESSING);
        assertThat(error.message()).contains("100", "8k+1", "97 or 105", "ltx-video");
    }

    @Test
    void frameGridDefaultsToFourWhenTheTextGivesOnlyADivisor() {
        GenerationError error = CLASSIFIER.classify("AssertionError: `num_frames - 1` must be divisible by 4, got 60");

        assertThat(error.code()).isEqualTo("FRAMES_NOT_4K_PLUS_1");
        assertThat(error.message()).contains("4k+1", "57 or 61");
    }

    @Test
    void pixelFramesMeetingLatentFramesIsAFrameCountMismatch() {
        GenerationError error = CLASSIFIER.classify(
                "RuntimeError: The size of tensor a (33) must match the size of tensor b (9) at non-singleton"
                        + " dimension 2");

        assertThat(error.code()).isEqualTo("FRAME_COUNT_MISMATCH");
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).contains("33 vs 9");
    }

    @Test
    void inputAndWeightTypesOnDifferentDevicesAreADeviceMismatchNamingBoth() {
        GenerationError error = CLASSIFIER.classify(
                "RuntimeError: Input type (CUDAHalfType) and weight type (CPUHalfType) should be the same");

        assertThat(error.code()).isEqualTo("DEVICE_MISMATCH");
        assertThat(error.message()).contains("cuda and cpu");
    }

    @Test
    void inputAndWeightTypesOnOneDeviceAreADtypeMismatchInsideInference() {
        GenerationError error = CLASSIFIER.classify(
                "RuntimeError: Input type (torch.cuda.HalfTensor) and weight type (torch.cuda.FloatTensor) should be"
                        + " the same");

        assertThat(error.code()).isEqualTo("DTYPE_MISMATCH");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.INFERENCE);
    }

    @Test
    void imageTokensAgainstImageFeaturesIsConditioningWithBothCounts() {
        GenerationError error = CLASSIFIER.classify(
                "ValueError: Image features and image tokens do not match: tokens: 3, features 1152");

        assertThat(error.code()).isEqualTo("IMAGE_TOKENS_MISMATCH");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.CONDITIONING);
        assertThat(error.message()).contains("tokens 3", "features 1152");
    }

    @Test
    void gpuFaultInsideAnAttentionKernelIsAdjustedNotAbandoned() {
        GenerationError error = CLASSIFIER.classify("""
                  File "/opt/venv/site-packages/sageattention/quant.py", line 88, in per_block_int8
                RuntimeError: CUDA error: an illegal memory access was encountered""");

        assertThat(error.code()).isEqualTo("ATTENTION_KERNEL_FAULT");
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).containsIgnoringCase("sageattention");
        assertThat(error.guidance()).anyMatch(line -> line.contains("SDPA"));
    }

    @Test
    void aJavaClientsBareBadRequestFromThePromptEndpointIsAWorkflowRejection() {
        GenerationError error = CLASSIFIER.classifyFailure(
                new IOException("Server returned HTTP response code: 400 for URL: http://gpu-7:8188/prompt"));

        assertThat(error.code()).isEqualTo("COMFY_WORKFLOW_INVALID");
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
    }

    @Test
    void aBadRequestFromAnyOtherEndpointIsAnInvalidRequest() {
        GenerationError error = CLASSIFIER.classify(
                "ClientResponseError: 422, message='Unprocessable Entity', url='http://worker/api/jobs'");

        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.message()).contains("HTTP 422");
    }

    @Test
    void aBackendThatIsNotReadyIsRetriedAsIs() {
        GenerationError error = CLASSIFIER.classify("[worker] ComfyUI backend is still starting, will check again");

        assertThat(error.code()).isEqualTo("BACKEND_NOT_READY");
        assertThat(error.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
    }

    @Test
    void aStatedTimeoutWithItsDurationInParenthesesIsATimeout() {
        GenerationError error = CLASSIFIER.classifyFailure(
                new SocketTimeoutException("no answer from the job queue after timeout (45s)"));

        assertThat(error.code()).isEqualTo("REQUEST_TIMEOUT");
    }

    @Test
    void aSizeOutsideTheAllowedListNamesTheSizeAndTheList() {
        GenerationError error = CLASSIFIER.classify(
                "HTTPError from endpoint: Invalid resolution: 1024x1024. Supported resolutions are 1280*720,"
                        + " 720*1280");

        assertThat(error.code()).isEqualTo("RESOLUTION_NOT_SUPPORTED");
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).contains("1024x1024", "1280*720, 720*1280");
    }

    @Test
    void aLoraThatDoesNotFitNamesItsFirstKeyAndIsNotRetried() {
        GenerationError error = CLASSIFIER.classify(
                "WARN lora transformer.blocks.3.attn1.to_q.lora_B.weight: shape '[3072, 64]' is invalid for input of"
                        + " size 327680", "wan2.1-t2v-1.3b");

        assertThat(error.code()).isEqualTo("LORA_MISMATCH");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.ARCHITECTURE);
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.message()).contains("transformer.blocks.3.attn1.to_q.lora_B.weight", "wan2.1-t2v-1.3b");
    }

    @Test
    void aMissingModelFileListsEveryNameTheLoaderTried() {
        GenerationError error = CLASSIFIER.classify(
                "OSError: Error no file named model.safetensors, pytorch_model.bin or model.gguf found in directory"
                        + " /opt/models/umt5");

        assertThat(error.code()).isEqualTo("MODEL_FILE_MISSING");
        assertThat(error.message()).contains("model.safetensors, pytorch_model.bin or model.gguf");
    }

    @Test
    void anFp8FileRefusedByANodeIsTheWrongLoaderNotTheGpu() {
        GenerationError error = CLASSIFIER.classify("ValueError: fp8_e4m3fn scaled checkpoints are unsupported by"
                + " this wrapper; load the bf16 file");

        assertThat(error.code()).isEqualTo("LOADER_FORMAT_UNSUPPORTED");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.MODEL_LOADING);
    }

    @Test
    void aVideoViewWhoseFramesDoNotSplitIntoFoursIsAFrameCountProblem() {
        GenerationError error = CLASSIFIER.classify(
                "RuntimeError: shape '[1, 12, 4, 90, 160]' is invalid for input of size 720000");

        assertThat(error.category()).isEqualTo(GenerationErrorCategory.TEMPORAL_PROCESSING);
        assertThat(error.code()).isEqualTo("FRAME_COUNT_MISMATCH");
    }

    @Test
    void unconnectedConditioningListsTheInputsAndTheNode() {
        GenerationError error = CLASSIFIER.classify("Failed to validate prompt for output 9:\n* KSamplerAdvanced 11:\n"
                + "  - Required input is missing: negative\n  - Required input is missing: positive\n");

        assertThat(error.code()).isEqualTo("CONDITIONING_NOT_CONNECTED");
        assertThat(error.disposition()).isEqualTo(Disposition.DO_NOT_RETRY);
        assertThat(error.message()).contains("negative, positive", "KSamplerAdvanced");
    }

    @Test
    void anUnconnectedTextEncoderOfAnyNameIsConditioningButAnUnconnectedModelIsTheGraph() {
        assertThat(CLASSIFIER.classify("* WanVideoTextEncode 16:\n  - Required input is missing: t5\n").code())
                .isEqualTo("CONDITIONING_NOT_CONNECTED");
        assertThat(CLASSIFIER.classify("* WanVideoSampler 27:\n  - Required input is missing: model\n"
                + "  - Required input is missing: text_embeds\n").code()).isEqualTo("COMFY_WORKFLOW_INVALID");
    }

    @Test
    void aWeightsUrlThatRefusesTheDownloadNamesTheAddressAndIsNotRetried() {
        GenerationError error = CLASSIFIER.classify("downloading https://files.example.com/ckpt/matte_v3.pth to"
                + " /srv/ComfyUI/models/matting/matte_v3.pth\nurllib.error.HTTPError: HTTP Error 410: Gone");

        assertThat(error.code()).isEqualTo("DOWNLOAD_REFUSED");
        assertThat(error.category()).isEqualTo(GenerationErrorCategory.WEIGHTS_DOWNLOAD);
        assertThat(error.message()).contains("HTTP 410", "https://files.example.com/ckpt/matte_v3.pth");
    }

    @Test
    void aCollectiveThatHangsIsATimeoutGivingHowLong() {
        GenerationError error = CLASSIFIER.classify("[rank1] ProcessGroupNCCL watchdog got stuck for 900 seconds"
                + " waiting on an all_gather");

        assertThat(error.code()).isEqualTo("COLLECTIVE_TIMEOUT");
        assertThat(error.message()).contains("900 s");
    }

    @Test
    void aKernelLibraryRefusingTheGpuGenerationIsAdjustedAndNamesTheArchitecture() {
        GenerationError error = CLASSIFIER.classify("ValueError: Unsupported CUDA architecture: sm_70");

        assertThat(error.code()).isEqualTo("GPU_ARCH_UNSUPPORTED");
        assertThat(error.disposition()).isEqualTo(Disposition.ADJUST_AND_RETRY);
        assertThat(error.message()).contains("sm_70");
    }

    @Test
    void aBodyCutOffOnTheWireIsAnInterruptedDownloadNotATruncatedFile() {
        GenerationError error = CLASSIFIER.classify("huggingface_hub: error fetching shard 3: hyper::Error(Body,"
                + " Custom { kind: UnexpectedEof, error: IncompleteBody })");

        assertThat(error.code()).isEqualTo("DOWNLOAD_INCOMPLETE");
        assertThat(error.disposition()).isEqualTo(Disposition.RETRY_AS_IS);
    }
}
