package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in templates: which one a request gets, and what binding puts in it. */
class TemplateCatalogTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
    private static final ServerInputs INPUTS = new ServerInputs("ref.png", "mask.png", "clip.mp4", "storycore_job-1");

    private static BoundWorkflow bind(GenerationRequest request) {
        return CATALOG.bind(request, INPUTS);
    }

    private static JsonNode node(BoundWorkflow bound, String classType, int index) {
        List<JsonNode> found = new ArrayList<>();
        bound.workflow().forEach(node -> {
            if (node.path("class_type").asText().equals(classType)) {
                found.add(node.path("inputs"));
            }
        });
        return found.get(index);
    }

    @Test
    void everyTemplateBindsForEveryModelItServesAtEveryPrecision() {
        for (TemplateSpec spec : CATALOG.templates()) {
            for (String model : spec.models().isEmpty() ? Set.of("any") : spec.models()) {
                for (Workflow workflow : spec.workflows()) {
                    for (Precision precision : Precision.values()) {
                        GenerationRequest request = GenerationRequest.builder(workflow, model).prompt("a fox")
                                .precision(precision).build();
                        BoundWorkflow bound = CATALOG.bind(spec, request, INPUTS);
                        assertThat(bound.workflow().toString()).as(spec.id() + " " + model).doesNotContain("{{");
                    }
                }
            }
        }
    }

    @Test
    void everyBuiltInModelHasATemplateForEachOfItsWorkflows() {
        for (var model : ModelRegistry.builtIn().all()) {
            for (Workflow workflow : model.workflows()) {
                assertThat(CATALOG.find(model.id(), workflow)).as(model.id() + " " + workflow).isPresent();
            }
        }
        assertThat(CATALOG.find("any-model", Workflow.UPSCALE)).map(TemplateSpec::id).contains("upscale-model");
    }

    @Test
    void choosesTheTemplateByModelAndWorkflow() {
        assertThat(CATALOG.require("wan2.2-ti2v-5b", Workflow.TEXT_TO_VIDEO).id()).isEqualTo("wan22-ti2v-5b-t2v");
        assertThat(CATALOG.require("wan2.2-ti2v-5b", Workflow.TEXT_IMAGE_TO_VIDEO).id()).isEqualTo("wan22-ti2v-5b-i2v");
        assertThat(CATALOG.require("wan2.1-t2v-1.3b", Workflow.TEXT_TO_VIDEO).id()).isEqualTo("wan21-t2v");
        assertThat(CATALOG.require("hunyuan-video-i2v", Workflow.IMAGE_TO_VIDEO).id()).isEqualTo("hunyuan-i2v");
        assertThat(CATALOG.require("wan2.1-vace-14b", Workflow.INPAINT).id()).isEqualTo("wan21-vace-inpaint");
        assertThat(CATALOG.require("wan-alpha", Workflow.TRANSPARENT_VIDEO).id()).isEqualTo("wan-alpha-t2v");
    }

    @Test
    void aRequestNoTemplateServesIsAClearError() {
        assertThatThrownBy(() -> CATALOG.require("wan2.1-t2v-1.3b", Workflow.INPAINT))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("no ComfyUI workflow template for wan2.1-t2v-1.3b INPAINT; templates exist for:")
                .hasMessageContaining("wan2.1-vace-14b INPAINT");
    }

    @Test
    void twoExpertsSplitTheStepsInHalf() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-t2v-a14b").prompt("a fox")
                .steps(20).cfg(3.5).seed(42).size(1280, 704).frames(57).build());

        JsonNode high = node(bound, "KSamplerAdvanced", 0);
        JsonNode low = node(bound, "KSamplerAdvanced", 1);
        assertThat(high.path("start_at_step").asInt()).isZero();
        assertThat(high.path("end_at_step").asInt()).isEqualTo(10);
        assertThat(high.path("add_noise").asText()).isEqualTo("enable");
        assertThat(high.path("return_with_leftover_noise").asText()).isEqualTo("enable");
        assertThat(high.path("noise_seed").asLong()).isEqualTo(42);
        assertThat(low.path("start_at_step").asInt()).isEqualTo(10);
        assertThat(low.path("add_noise").asText()).isEqualTo("disable");
        assertThat(low.path("latent_image").toString()).isEqualTo("[\"10\",0]");
        assertThat(node(bound, "UNETLoader", 0).path("unet_name").asText())
                .isEqualTo("wan2.2_t2v_high_noise_14B_fp16.safetensors");
        assertThat(node(bound, "UNETLoader", 1).path("unet_name").asText())
                .isEqualTo("wan2.2_t2v_low_noise_14B_fp16.safetensors");
        assertThat(node(bound, "VAELoader", 0).path("vae_name").asText()).isEqualTo("wan_2.1_vae.safetensors");
        assertThat(node(bound, "EmptyHunyuanLatentVideo", 0).path("length").asInt()).isEqualTo(57);
        assertThat(node(bound, "ModelSamplingSD3", 1).path("shift").asDouble()).isEqualTo(8.0);
    }

    @Test
    void fp8PicksTheScaledFilesOrTheFp8WeightDtype() {
        BoundWorkflow a14b = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-t2v-a14b").prompt("p")
                .precision(Precision.FP8).build());
        BoundWorkflow ti2v = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b").prompt("p")
                .precision(Precision.FP8).build());
        BoundWorkflow ti2vBf16 = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b").prompt("p")
                .precision(Precision.BF16).build());

        assertThat(node(a14b, "UNETLoader", 0).path("unet_name").asText())
                .isEqualTo("wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors");
        assertThat(node(a14b, "UNETLoader", 0).path("weight_dtype").asText()).isEqualTo("default");
        assertThat(node(ti2v, "UNETLoader", 0).path("unet_name").asText()).isEqualTo("wan2.2_ti2v_5B_fp16.safetensors");
        assertThat(node(ti2v, "UNETLoader", 0).path("weight_dtype").asText()).isEqualTo("fp8_e4m3fn");
        assertThat(node(ti2vBf16, "UNETLoader", 0).path("weight_dtype").asText()).isEqualTo("default");
        assertThat(node(ti2v, "VAELoader", 0).path("vae_name").asText()).isEqualTo("wan2.2_vae.safetensors");
    }

    @Test
    void theRequestFillsSizeFramesSamplingAndOutput() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TEXT_IMAGE_TO_VIDEO, "wan2.2-ti2v-5b")
                .prompt("a fox").negativePrompt("blurry").size(1280, 704).frames(121).steps(30).cfg(5).fps(24)
                .seed(99).build());

        JsonNode latent = node(bound, "Wan22ImageToVideoLatent", 0);
        assertThat(latent.path("width").asInt()).isEqualTo(1280);
        assertThat(latent.path("height").asInt()).isEqualTo(704);
        assertThat(latent.path("length").asInt()).isEqualTo(121);
        assertThat(latent.path("start_image").toString()).isEqualTo("[\"7\",0]");
        assertThat(node(bound, "LoadImage", 0).path("image").asText()).isEqualTo("ref.png");
        JsonNode sampler = node(bound, "KSampler", 0);
        assertThat(sampler.path("steps").asInt()).isEqualTo(30);
        assertThat(sampler.path("cfg").asDouble()).isEqualTo(5.0);
        assertThat(sampler.path("seed").asLong()).isEqualTo(99);
        assertThat(node(bound, "CLIPTextEncode", 0).path("text").asText()).isEqualTo("a fox");
        assertThat(node(bound, "CLIPTextEncode", 1).path("text").asText()).isEqualTo("blurry");
        assertThat(node(bound, "CreateVideo", 0).path("fps").asInt()).isEqualTo(24);
        assertThat(node(bound, "SaveVideo", 0).path("filename_prefix").asText()).isEqualTo("storycore_job-1");
    }

    @Test
    void hunyuanUsesTwoTextEncodersAndGuidanceFromCfg() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "hunyuan-video-t2v").prompt("p")
                .cfg(6).steps(20).seed(5).build());

        JsonNode clip = node(bound, "DualCLIPLoader", 0);
        assertThat(clip.path("clip_name1").asText()).isEqualTo("clip_l.safetensors");
        assertThat(clip.path("clip_name2").asText()).isEqualTo("llava_llama3_fp8_scaled.safetensors");
        assertThat(clip.path("type").asText()).isEqualTo("hunyuan_video");
        assertThat(node(bound, "FluxGuidance", 0).path("guidance").asDouble()).isEqualTo(6.0);
        assertThat(node(bound, "BasicScheduler", 0).path("steps").asInt()).isEqualTo(20);
        assertThat(node(bound, "RandomNoise", 0).path("noise_seed").asLong()).isEqualTo(5);
        assertThat(node(bound, "ModelSamplingSD3", 0).path("shift").asDouble()).isEqualTo(7.0);
    }

    @Test
    void hunyuanImageToVideoEncodesTheImageWithClipVision() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.IMAGE_TO_VIDEO, "hunyuan-video-i2v").build());

        assertThat(node(bound, "CLIPVisionLoader", 0).path("clip_name").asText()).isEqualTo("llava_llama3_vision.safetensors");
        assertThat(node(bound, "HunyuanImageToVideo", 0).path("start_image").toString()).isEqualTo("[\"6\",0]");
        assertThat(node(bound, "UNETLoader", 0).path("unet_name").asText())
                .isEqualTo("hunyuan_video_image_to_video_720p_bf16.safetensors");
        // the v1 file, not hunyuan_video_v2_replace_image_to_video_720p_bf16, goes with v1 guidance
        assertThat(node(bound, "HunyuanImageToVideo", 0).path("guidance_type").asText()).isEqualTo("v1 (concat)");
        assertThat(node(bound, "CLIPVisionEncode", 0).path("crop").asText()).isEqualTo("none");
    }

    @Test
    void vaeTilingSwapsTheDecoderAndTextEncoderCanMoveToTheCpu() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("p")
                .vaeTiling(true).vaeTileSize(256).textEncoderOnCpu(true).build());

        assertThat(bound.workflow().toString()).doesNotContain("\"VAEDecode\"");
        JsonNode tiled = node(bound, "VAEDecodeTiled", 0);
        assertThat(tiled.path("tile_size").asInt()).isEqualTo(256);
        assertThat(tiled.path("overlap").asInt()).isEqualTo(64);
        assertThat(tiled.path("temporal_size").asInt()).isEqualTo(64);
        assertThat(tiled.path("samples").toString()).isEqualTo("[\"8\",0]");
        assertThat(node(bound, "CLIPLoader", 0).path("device").asText()).isEqualTo("cpu");
        assertThat(bound.notes()).contains("VAE decodes in 256 px tiles (overlap 64)", "text encoders run on the CPU");
    }

    @Test
    void aTileSizeIsSnappedToWhatTheNodeAccepts() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("p")
                .vaeTiling(true).vaeTileSize(100).build());

        assertThat(node(bound, "VAEDecodeTiled", 0).path("tile_size").asInt()).isEqualTo(96);
        assertThat(node(bound, "VAEDecodeTiled", 0).path("overlap").asInt()).isZero();
    }

    @Test
    void transparentVideoDecodesColourAndAlphaAndJoinsThem() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.TRANSPARENT_VIDEO, "wan-alpha").prompt("p")
                .steps(4).cfg(1).build());

        assertThat(node(bound, "VAELoader", 0).path("vae_name").asText())
                .isEqualTo("wan_alpha_2.1_vae_rgb_channel.safetensors");
        assertThat(node(bound, "VAELoader", 1).path("vae_name").asText())
                .isEqualTo("wan_alpha_2.1_vae_alpha_channel.safetensors");
        assertThat(node(bound, "LoraLoaderModelOnly", 0).path("lora_name").asText())
                .isEqualTo("lightx2v_T2V_14B_cfg_step_distill_v2_lora_rank64_bf16.safetensors");
        assertThat(node(bound, "LoraLoaderModelOnly", 1).path("lora_name").asText())
                .isEqualTo("wan_alpha_2.1_rgba_lora.safetensors");
        assertThat(node(bound, "JoinImageWithAlpha", 0).path("alpha").toString()).isEqualTo("[\"15\",0]");
        assertThat(node(bound, "SaveAnimatedWEBP", 0).path("lossless").asBoolean()).isTrue();
    }

    @Test
    void inpaintingRepeatsTheMaskOverEveryFrame() {
        BoundWorkflow bound = bind(GenerationRequest.builder(Workflow.INPAINT, "wan2.1-vace-14b").frames(81).build());

        assertThat(node(bound, "LoadVideo", 0).path("file").asText()).isEqualTo("clip.mp4");
        assertThat(node(bound, "LoadImageMask", 0).path("image").asText()).isEqualTo("mask.png");
        assertThat(node(bound, "RepeatImageBatch", 0).path("amount").asInt()).isEqualTo(81);
        JsonNode vace = node(bound, "WanVaceToVideo", 0);
        assertThat(vace.path("control_video").toString()).isEqualTo("[\"8\",0]");
        assertThat(vace.path("control_masks").toString()).isEqualTo("[\"12\",0]");
        assertThat(node(bound, "TrimVideoLatent", 0).path("trim_amount").toString()).isEqualTo("[\"13\",3]");
    }

    @Test
    void upscalingUsesTheDefaultUpscaleModelUnlessOverridden() {
        GenerationRequest request = GenerationRequest.builder(Workflow.UPSCALE, "any").size(1664, 960).build();
        TemplateCatalog custom = CATALOG.toBuilder().override("upscale_model", "4x-UltraSharp.pth").build();

        assertThat(node(bind(request), "UpscaleModelLoader", 0).path("model_name").asText())
                .isEqualTo("RealESRGAN_x4plus.pth");
        assertThat(node(custom.bind(request, INPUTS), "UpscaleModelLoader", 0).path("model_name").asText())
                .isEqualTo("4x-UltraSharp.pth");
        assertThat(node(bind(request), "ImageScale", 0).path("width").asInt()).isEqualTo(1664);
    }

    @Test
    void aUsersTemplatePutFirstWinsAndIsBoundFromTheModelsFiles() {
        WorkflowTemplate mine = WorkflowTemplate.parse("mine.json", """
                {"1": {"class_type": "UNETLoader", "inputs": {"unet_name": "{{diffusion_model}}", "weight_dtype": "{{weight_dtype}}"}},
                 "2": {"class_type": "SaveVideo", "inputs": {"filename_prefix": "{{filename_prefix}}", "video": ["1", 0]}}}
                """);
        TemplateCatalog catalog = CATALOG.toBuilder()
                .addFirst(TemplateSpec.custom(mine, Set.of("wan2.2-ti2v-5b"), Set.of(Workflow.TEXT_TO_VIDEO))).build();

        BoundWorkflow bound = catalog.bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b").build(),
                INPUTS);

        assertThat(bound.spec().id()).isEqualTo("mine.json");
        assertThat(bound.workflow().path("1").path("inputs").path("unet_name").asText())
                .isEqualTo("wan2.2_ti2v_5B_fp16.safetensors");
    }

    @Test
    void requirementsNameTheNodesAndFilesWithTheirFolders() {
        TemplateSpec spec = CATALOG.require("wan2.2-ti2v-5b", Workflow.TEXT_TO_VIDEO);

        TemplateRequirements needs = CATALOG.requirements(spec, "wan2.2-ti2v-5b", Precision.BF16);

        assertThat(needs.nodeClasses()).contains("UNETLoader", "Wan22ImageToVideoLatent", "KSampler", "VAEDecode",
                "VAEDecodeTiled", "CreateVideo", "SaveVideo");
        assertThat(needs.modelFiles()).containsExactly(
                new ModelFile("wan2.2_ti2v_5B_fp16.safetensors", "diffusion_models", "UNETLoader", "unet_name",
                        "huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged"),
                new ModelFile("umt5_xxl_fp8_e4m3fn_scaled.safetensors", "text_encoders", "CLIPLoader", "clip_name",
                        "huggingface.co/Comfy-Org/Wan_2.1_ComfyUI_repackaged"),
                new ModelFile("wan2.2_vae.safetensors", "vae", "VAELoader", "vae_name",
                        "huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged"));
        assertThat(needs.modelFiles().get(0).hint()).isEqualTo("put wan2.2_ti2v_5B_fp16.safetensors in "
                + "models/diffusion_models (from huggingface.co/Comfy-Org/Wan_2.2_ComfyUI_Repackaged)");
    }

    @Test
    void uploadedInputsAreNotModelFiles() {
        TemplateSpec spec = CATALOG.require("wan2.1-i2v-14b-480p", Workflow.IMAGE_TO_VIDEO);

        TemplateRequirements needs = CATALOG.requirements(spec, "wan2.1-i2v-14b-480p", Precision.FP8);

        assertThat(needs.modelFiles()).extracting(ModelFile::filename).containsExactly(
                "wan2.1_i2v_480p_14B_fp8_scaled.safetensors", "umt5_xxl_fp8_e4m3fn_scaled.safetensors",
                "wan_2.1_vae.safetensors", "clip_vision_h.safetensors");
    }

    @Test
    void theWorkflowOfABoundTemplateIsTheCallersToChange() {
        BoundWorkflow first = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("p").build());
        ((ObjectNode) first.workflow().path("1").path("inputs")).put("unet_name", "changed");

        BoundWorkflow second = bind(GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("p").build());

        assertThat(second.workflow().path("1").path("inputs").path("unet_name").asText())
                .isEqualTo("wan2.1_t2v_1.3B_fp16.safetensors");
    }
}
