package dev.storycore.cli;

import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelFamily;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;

/**
 * The upscaler of {@code examples/models.json} for the chaos benchmark, which has no storyboard file:
 * Wan2.1 T2V-1.3B run as a low-denoise video-to-video pass, with the 1.3B model's memory figures.
 */
final class UpscaleModel {

    static final String ID = "wan2.1-upscale-1.3b";

    private UpscaleModel() {
    }

    static ModelSpec spec() {
        ModelSpec base = ModelRegistry.builtIn().require("wan2.1-t2v-1.3b");
        var builder = ModelSpec.builder(ID).name("Wan2.1 1.3B video-to-video upscaler").family(ModelFamily.WAN)
                .variant("V2V 1.3B upscale").workflows(Workflow.UPSCALE).parameters(base.parametersBillions())
                .nativeSizes(new FrameSize(1280, 720), new FrameSize(720, 1280), new FrameSize(832, 480),
                        new FrameSize(480, 832))
                .fps(base.fps()).maxFrames(base.maxFrames()).defaultFrames(33).defaultSteps(12).defaultCfg(5.0)
                .latent(base.latent()).memory(base.memory());
        base.components().forEach(builder::component);
        return builder.build();
    }
}
