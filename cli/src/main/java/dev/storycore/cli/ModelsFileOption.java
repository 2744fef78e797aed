package dev.storycore.cli;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --models-file FILE}: extra models in the registry's JSON format, added to the built-ins. */
final class ModelsFileOption {

    @Option(names = "--models-file", paramLabel = "FILE",
            description = "Extra models as JSON (format: docs/models.md); same ids replace built-ins.")
    Path file;

    ModelRegistry registry() {
        if (file == null) {
            return ModelRegistry.builtIn();
        }
        try {
            return ModelRegistry.builtIn().withModelsFrom(file);
        } catch (GenerationException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
