package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in templates held against what a real ComfyUI accepts: the outputs its nodes declare, the
 * inputs of its save node across versions, and the file names the repackaged model repositories
 * publish (docs/comfyui.md, "Checked against").
 */
class BuiltInTemplatesUpstreamTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
    private static final ServerInputs INPUTS = new ServerInputs("ref.png", "mask.png", "clip.mp4", "storycore_job-1");

    /** Each node class the templates use and the types of its outputs, in slot order, as ComfyUI declares them. */
    private static final Map<String, List<String>> OUTPUTS = Map.ofEntries(
            Map.entry("UNETLoader", List.of("MODEL")),
            Map.entry("CLIPLoader", List.of("CLIP")),
            Map.entry("DualCLIPLoader", List.of("CLIP")),
            Map.entry("VAELoader", List.of("VAE")),
            Map.entry("CLIPVisionLoader", List.of("CLIP_VISION")),
            Map.entry("CLIPVisionEncode", List.of("CLIP_VISION_OUTPUT")),
            Map.entry("UpscaleModelLoader", List.of("UPSCALE_MODEL")),
            Map.entry("LoraLoaderModelOnly", List.of("MODEL")),
            Map.entry("ModelSamplingSD3", List.of("MODEL")),
            Map.entry("CLIPTextEncode", List.of("CONDITIONING")),
            Map.entry("TextEncodeHunyuanVideo_ImageToVideo", List.of("CONDITIONING")),
            Map.entry("FluxGuidance", List.of("CONDITIONING")),
            Map.entry("LoadImage", List.of("IMAGE", "MASK")),
            Map.entry("LoadImageMask", List.of("MASK")),
            Map.entry("LoadVideo", List.of("VIDEO")),
            Map.entry("GetVideoComponents", List.of("IMAGE", "AUDIO", "FLOAT")),
            Map.entry("MaskToImage", List.of("IMAGE")),
            Map.entry("ImageToMask", List.of("MASK")),
            Map.entry("InvertMask", List.of("MASK")),
            Map.entry("RepeatImageBatch", List.of("IMAGE")),
            Map.entry("JoinImageWithAlpha", List.of("IMAGE")),
            Map.entry("ImageUpscaleWithModel", List.of("IMAGE")),
            Map.entry("ImageScale", List.of("IMAGE")),
            Map.entry("EmptyHunyuanLatentVideo", List.of("LATENT")),
            Map.entry("Wan22ImageToVideoLatent", List.of("LATENT")),
            Map.entry("WanImageToVideo", List.of("CONDITIONING", "CONDITIONING", "LATENT")),
            Map.entry("WanVaceToVideo", List.of("CONDITIONING", "CONDITIONING", "LATENT", "INT")),
            Map.entry("HunyuanImageToVideo", List.of("CONDITIONING", "LATENT")),
            Map.entry("TrimVideoLatent", List.of("LATENT")),
            Map.entry("KSampler", List.of("LATENT")),
            Map.entry("KSamplerAdvanced", List.of("LATENT")),
            Map.entry("BasicGuider", List.of("GUIDER")),
            Map.entry("RandomNoise", List.of("NOISE")),
            Map.entry("KSamplerSelect", List.of("SAMPLER")),
            Map.entry("BasicScheduler", List.of("SIGMAS")),
            Map.entry("SamplerCustomAdvanced", List.of("LATENT", "LATENT")),
            Map.entry("VAEDecode", List.of("IMAGE")),
            Map.entry("VAEDecodeTiled", List.of("IMAGE")),
            Map.entry("CreateVideo", List.of("VIDEO")),
            Map.entry("SaveVideo", List.of("VIDEO")),
            Map.entry("SaveAnimatedWEBP", List.of("IMAGE")));

    /** The type each linked input takes; the names mean the same type on every node the templates use. */
    private static final Map<String, String> INPUT_TYPES = Map.ofEntries(
            Map.entry("model", "MODEL"), Map.entry("clip", "CLIP"), Map.entry("vae", "VAE"),
            Map.entry("clip_vision", "CLIP_VISION"), Map.entry("clip_vision_output", "CLIP_VISION_OUTPUT"),
            Map.entry("upscale_model", "UPSCALE_MODEL"),
            Map.entry("positive", "CONDITIONING"), Map.entry("negative", "CONDITIONING"),
            Map.entry("conditioning", "CONDITIONING"),
            Map.entry("latent_image", "LATENT"), Map.entry("samples", "LATENT"),
            Map.entry("image", "IMAGE"), Map.entry("images", "IMAGE"), Map.entry("start_image", "IMAGE"),
            Map.entry("reference_image", "IMAGE"), Map.entry("control_video", "IMAGE"),
            Map.entry("mask", "MASK"), Map.entry("control_masks", "MASK"), Map.entry("alpha", "MASK"),
            Map.entry("video", "VIDEO"), Map.entry("audio", "AUDIO"), Map.entry("trim_amount", "INT"),
            Map.entry("noise", "NOISE"), Map.entry("guider", "GUIDER"), Map.entry("sampler", "SAMPLER"),
            Map.entry("sigmas", "SIGMAS"));

    private static final Pattern DOUBLED_EXTENSION = Pattern.compile(".*(\\.[A-Za-z0-9]+)\\1$");

    private static List<BoundWorkflow> everyBinding(boolean vaeTiling) {
        List<BoundWorkflow> all = new ArrayList<>();
        for (TemplateSpec spec : CATALOG.templates()) {
            for (String model : spec.models().isEmpty() ? Set.of("any") : spec.models()) {
                for (Workflow workflow : spec.workflows()) {
                    all.add(CATALOG.bind(spec, GenerationRequest.builder(workflow, model).prompt("a fox")
                            .vaeTiling(vaeTiling).build(), INPUTS));
                }
            }
        }
        return all;
    }

    private static List<ModelFile> everyModelFile() {
        List<ModelFile> files = new ArrayList<>();
        for (TemplateSpec spec : CATALOG.templates()) {
            for (String model : spec.models().isEmpty() ? Set.of("any") : spec.models()) {
                for (Precision precision : Precision.values()) {
                    files.addAll(CATALOG.requirements(spec, model, precision).modelFiles());
                }
            }
        }
        return files;
    }

    @Test
    void everyLinkReadsAnOutputOfTheTypeTheInputTakes() {
        List<String> wrong = new ArrayList<>();
        for (boolean tiling : new boolean[] {false, true}) {
            for (BoundWorkflow bound : everyBinding(tiling)) {
                bound.workflow().properties().forEach(node -> node.getValue().path("inputs").properties()
                        .forEach(input -> checkLink(bound, node.getKey(), input.getKey(), input.getValue(), wrong)));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void checkLink(BoundWorkflow bound, String nodeId, String input, JsonNode value, List<String> wrong) {
        if (!value.isArray()) {
            return;
        }
        String where = bound.spec().id() + " node " + nodeId + "." + input;
        JsonNode source = bound.workflow().path(value.path(0).asText());
        List<String> outputs = OUTPUTS.get(source.path("class_type").asText());
        int slot = value.path(1).asInt(-1);
        if (outputs == null || slot < 0 || slot >= outputs.size()) {
            wrong.add(where + " reads " + value + ", which is no output of a known node");
        } else if (!outputs.get(slot).equals(INPUT_TYPES.get(input))) {
            wrong.add(where + " takes " + INPUT_TYPES.get(input) + " but reads " + outputs.get(slot));
        }
    }

    @Test
    void noModelFileNameEndsInADoubledExtension() {
        assertThat(DOUBLED_EXTENSION.matcher("wan_alpha_2.1_vae_rgb_channel.safetensors.safetensors").matches())
                .as("the pattern itself").isTrue();

        assertThat(everyModelFile()).extracting(ModelFile::filename)
                .isNotEmpty()
                .noneMatch(name -> DOUBLED_EXTENSION.matcher(name).matches());
    }

    @Test
    void everyFileOfABuiltInModelSaysWhereItIsPublished() {
        assertThat(everyModelFile())
                .filteredOn(file -> !file.nodeClass().equals("UpscaleModelLoader"))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(file.source()).as(file.filename()).isNotBlank());
    }

    @Test
    void transparentVideoLoadsTheWanAlphaFilesUnderTheirRepackagedNames() {
        TemplateRequirements needs = CATALOG.requirements(CATALOG.require("wan-alpha", Workflow.TRANSPARENT_VIDEO),
                "wan-alpha", Precision.FP8);

        assertThat(needs.modelFiles()).extracting(ModelFile::filename, ModelFile::folder).contains(
                tuple("wan_alpha_2.1_rgba_lora.safetensors", "loras"),
                tuple("wan_alpha_2.1_vae_rgb_channel.safetensors", "vae"),
                tuple("wan_alpha_2.1_vae_alpha_channel.safetensors", "vae"),
                tuple("wan2.1_t2v_14B_fp8_scaled.safetensors", "diffusion_models"));
        assertThat(needs.modelFiles()).filteredOn(file -> file.filename().startsWith("wan_alpha_"))
                .extracting(ModelFile::source).containsOnly("huggingface.co/Comfy-Org/Wan_2.1_ComfyUI_repackaged");
    }

    /**
     * Older ComfyUI takes {@code format} and {@code codec} as two lists; newer ComfyUI makes {@code format}
     * a dynamic choice whose nested {@code format.codec} is required, and keeps a hidden {@code codec} for
     * old prompts. Inputs a version does not declare are ignored, so naming all three suits both.
     */
    @Test
    void everySaveVideoNamesItsCodecForOldAndNewComfyUi() {
        List<BoundWorkflow> videos = everyBinding(false).stream()
                .filter(bound -> !bound.spec().id().equals("wan-alpha-t2v")).toList();
        List<JsonNode> saves = new ArrayList<>();
        videos.forEach(bound -> bound.workflow().forEach(node -> {
            if (node.path("class_type").asText().equals("SaveVideo")) {
                saves.add(node.path("inputs"));
            }
        }));

        assertThat(saves).hasSameSizeAs(videos);
        assertThat(saves).allSatisfy(inputs -> {
            assertThat(inputs.path("format").asText()).isEqualTo("mp4");
            assertThat(inputs.path("format.codec").asText()).isEqualTo("h264");
            assertThat(inputs.path("codec").asText()).isEqualTo("h264");
        });
    }
}
