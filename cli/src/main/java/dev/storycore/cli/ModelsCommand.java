package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storycore models}: the known models, built-in and from {@code --models-file}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models StoryCore knows.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelsFileOption modelsFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        List<ModelSpec> models = modelsFile.registry().all();
        var out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, models.stream().map(ModelsCommand::json).toList());
            return StoryCore.OK;
        }
        var table = new TextTable("ID", "FAMILY", "PARAMS", "WORKFLOWS", "NATIVE SIZE", "FPS", "FRAMES", "NAME");
        for (ModelSpec model : models) {
            table.row(model.id(), model.family(), params(model), workflows(model), model.defaultSize(), model.fps(),
                    model.frameRule() + " <= " + model.maxFrames(), model.name());
        }
        out.print(table.render(""));
        return StoryCore.OK;
    }

    private static String params(ModelSpec model) {
        String total = GpuProfile.formatGb(model.parametersBillions()) + "B";
        return model.mixtureOfExperts() ? total + " (" + GpuProfile.formatGb(model.activeParametersBillions())
                + "B active)" : total;
    }

    private static String workflows(ModelSpec model) {
        return String.join(",", model.workflows().stream().sorted().map(ModelsCommand::shortName).toList());
    }

    private static String shortName(Workflow workflow) {
        return switch (workflow) {
            case TEXT_TO_VIDEO -> "T2V";
            case IMAGE_TO_VIDEO -> "I2V";
            case TEXT_IMAGE_TO_VIDEO -> "TI2V";
            case UPSCALE -> "UPSCALE";
            case TRANSPARENT_VIDEO -> "ALPHA";
            case INPAINT -> "INPAINT";
        };
    }

    private static Map<String, Object> json(ModelSpec model) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", model.id());
        json.put("name", model.name());
        json.put("family", model.family().name());
        json.put("variant", model.variant());
        json.put("workflows", model.workflows().stream().sorted().map(Enum::name).toList());
        json.put("parametersBillions", model.parametersBillions());
        json.put("activeParametersBillions", model.activeParametersBillions());
        json.put("nativeSizes", model.nativeSizes().stream().map(FrameSize::toString).toList());
        json.put("fps", model.fps());
        json.put("frameRule", model.frameRule().toString());
        json.put("sizeMultiple", model.sizeMultiple());
        json.put("maxFrames", model.maxFrames());
        json.put("defaultFrames", model.defaultFrames());
        json.put("defaultSteps", model.defaultSteps());
        json.put("defaultCfg", model.defaultCfg());
        json.put("components", model.components());
        json.put("memoryFigures", model.memoryFigures());
        return json;
    }
}
