package dev.storycore.cli;

import dev.storycore.generation.fallback.AlternativeModelSuggester;
import dev.storycore.generation.fallback.LocalModelCatalog;
import dev.storycore.generation.fallback.Suggestions;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storycore suggest --for MODEL_ID --vram GB [--models-dir DIR]}: models to use instead of a
 * target within a VRAM budget, ranked by compatibility score, with what each loses and needs; usable
 * copies found under {@code --models-dir} rank higher. Exit 0 when the target or an alternative fits
 * the budget, 1 when nothing does, 2 for an unknown model, a bad budget or a models folder that is not
 * one. JSON: the {@link Suggestions} record.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Alternative models for a target and a VRAM budget, best first.",
            "Exit 0 when something fits, 1 when nothing does, 2 for bad input."})
final class SuggestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--for", required = true, paramLabel = "MODEL_ID",
            description = "The model wanted (see `storycore models`).")
    private String modelId;

    @Option(names = "--vram", required = true, paramLabel = "GB", description = "The GPU memory in GB (GiB).")
    private double vram;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "A models folder to search for usable local copies (diffusers folders, ComfyUI models/,"
                    + " Hugging Face cache).")
    private Path modelsDir;

    @Mixin
    private ModelsFileOption modelsFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        ModelRegistry models = modelsFile.registry();
        ModelSpec target = models.find(modelId).orElseThrow(() -> new UsageException("unknown model '" + modelId
                + "' (known: " + String.join(", ", models.all().stream().map(ModelSpec::id).toList()) + ")"));
        GpuProfile budget;
        try {
            budget = GpuProfile.ofVram(vram);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--vram " + e.getMessage().replaceFirst("^vram ", ""));
        }
        LocalModelCatalog local = LocalModelCatalog.empty();
        if (modelsDir != null) {
            AnalyzeModelCommand.requireFolder(modelsDir, "--models-dir");
            local = LocalModelCatalog.scan(modelsDir, models);
        }
        Suggestions suggestions = new AlternativeModelSuggester(models, local).suggest(target, budget.vramBytes());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, suggestions);
        } else {
            out.print(SuggestReport.text(suggestions));
        }
        return suggestions.target().fits() || suggestions.best().isPresent() ? StoryCore.OK : StoryCore.FAILED;
    }
}
