package dev.storycore.cli;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.memory.VramEstimate;
import dev.storycore.generation.memory.VramEstimator;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.generation.request.RequestValidator;
import dev.storycore.generation.request.ValidationResult;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storycore estimate}: the peak VRAM of a model at a size and length on a GPU, and the
 * cheapest plan that makes it fit. Size and frames default to the model's own; the GPU defaults to a
 * 16 GB RTX 4080. Exit 0 whether or not it fits; 2 for an unknown model or GPU or a bad size.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Peak GPU memory of a generation and the cheapest plan that fits the GPU.")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see `storycore models`).")
    private String modelId;

    @Option(names = "--size", paramLabel = "WxH", description = "Frame size, e.g. 1280x720 (default: the model's).")
    private String size;

    @Option(names = "--frames", paramLabel = "N", description = "Frames, 4k+1 (default: the model's).")
    private Integer frames;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "bf16",
            description = "Weight precision: bf16, fp16 or fp8 (default: ${DEFAULT-VALUE}).")
    private String precision;

    @Option(names = "--offload", paramLabel = "O", defaultValue = "none",
            description = "Offload: none, model or sequential (default: ${DEFAULT-VALUE}).")
    private String offload;

    @Option(names = "--vae-tiling", description = "Decode the VAE in tiles.")
    private boolean vaeTiling;

    @Option(names = "--text-encoder-cpu", description = "Run the text encoder on the CPU.")
    private boolean textEncoderOnCpu;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private GpuChoice gpuChoice;

    @Mixin
    private ModelsFileOption modelsFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        ModelRegistry models = modelsFile.registry();
        ModelSpec model = models.find(modelId).orElseThrow(() -> new UsageException(unknownModel(models)));
        GpuProfile gpu = GpuChoice.resolve(gpuChoice);
        ValidationResult validated = new RequestValidator(models).validate(request(model), model);
        if (!validated.valid()) {
            throw new UsageException(String.join("; ", validated.problems()));
        }
        GenerationRequest request = validated.request();
        VramEstimate estimate = new VramEstimator().estimate(model, request);
        Plan plan = new PreflightPlanner(models).plan(request, gpu);
        var report = new EstimateReport(model, gpu, validated, estimate, plan);
        var out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, report.json());
        } else {
            out.print(report.text());
        }
        return StoryCore.OK;
    }

    private GenerationRequest request(ModelSpec model) {
        // Memory does not depend on the prompt or the input files; placeholders satisfy the validator.
        Workflow workflow = model.workflows().stream().sorted().findFirst().orElseThrow();
        var builder = GenerationRequest.builder(model, workflow).prompt("(estimate)").inputImage("(estimate)")
                .mask("(estimate)").sourceVideo("(estimate)")
                .precision(parse(precision, Precision.class, "--precision"))
                .offload(parse(offload, Offload.class, "--offload"))
                .vaeTiling(vaeTiling).textEncoderOnCpu(textEncoderOnCpu);
        if (size != null) {
            try {
                FrameSize parsed = FrameSize.parse(size);
                builder.size(parsed.width(), parsed.height());
            } catch (GenerationException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (frames != null) {
            builder.frames(frames);
        }
        return builder.build();
    }

    private String unknownModel(ModelRegistry models) {
        return "unknown model '" + modelId + "' (known: "
                + String.join(", ", models.all().stream().map(ModelSpec::id).toList()) + ")";
    }

    static <E extends Enum<E>> E parse(String value, Class<E> type, String option) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new UsageException("bad " + option + " '" + value + "': expected one of "
                + java.util.Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
