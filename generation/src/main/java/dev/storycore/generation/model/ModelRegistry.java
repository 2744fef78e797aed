package dev.storycore.generation.model;

import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The models StoryCore knows: the built-ins from the {@code models.json} resource, plus models users
 * add from their own JSON files in the same format (see {@code docs/models.md}). A user model with
 * a built-in id replaces the built-in, so a user can recalibrate it. Immutable and thread-safe;
 * {@link #withModelsFrom(Path)} and {@link #with(ModelSpec)} return new registries.
 */
public final class ModelRegistry {

    private static final String RESOURCE = "models.json";

    private final Map<String, ModelSpec> models;

    private ModelRegistry(Map<String, ModelSpec> models) {
        this.models = models;
    }

    /**
     * The built-in models, in the order of the resource.
     *
     * @return the registry
     * @throws GenerationException if the resource is missing or broken (a packaging error)
     */
    public static ModelRegistry builtIn() {
        return BuiltIn.REGISTRY;
    }

    /**
     * A registry holding exactly the given models.
     *
     * @param specs the models; later ones replace earlier ones with the same id
     * @return the registry
     */
    public static ModelRegistry of(Collection<ModelSpec> specs) {
        return new ModelRegistry(Map.of()).withAll(specs);
    }

    /**
     * This registry plus the models of a JSON text.
     *
     * @param json   the JSON
     * @param origin what to call the text in messages, e.g. its file name
     * @return a new registry
     * @throws GenerationException naming the origin, the model and the problem
     */
    public ModelRegistry withModelsFromJson(String json, String origin) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(origin, "origin");
        return withAll(ModelJson.parse(json, origin));
    }

    /**
     * This registry plus the models of a user file.
     *
     * @param file the JSON file
     * @return a new registry
     * @throws GenerationException if the file cannot be read or holds a bad model; the message is one
     *                             line naming the file and the problem
     */
    public ModelRegistry withModelsFrom(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new GenerationException("models file " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return withModelsFromJson(json, "models file " + file);
    }

    /**
     * This registry plus one model.
     *
     * @param spec the model; replaces one with the same id
     * @return a new registry
     */
    public ModelRegistry with(ModelSpec spec) {
        return withAll(List.of(Objects.requireNonNull(spec, "spec")));
    }

    /**
     * Every model, built-ins first in resource order, then added ones.
     *
     * @return the models
     */
    public List<ModelSpec> all() {
        return List.copyOf(models.values());
    }

    /**
     * Looks a model up by id, ignoring case and surrounding spaces.
     *
     * @param id the id
     * @return the model, or empty
     */
    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(models.get(Objects.requireNonNull(id, "id").strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * Looks a model up by id.
     *
     * @param id the id
     * @return the model
     * @throws GenerationException naming the id and the known ids if there is no such model
     */
    public ModelSpec require(String id) {
        return find(id).orElseThrow(() -> new GenerationException(
                "unknown model '" + id + "' (known: " + String.join(", ", models.keySet()) + ")"));
    }

    /**
     * The models that support a workflow, fewest active parameters first.
     *
     * @param workflow the workflow
     * @return the models
     */
    public List<ModelSpec> supporting(Workflow workflow) {
        Objects.requireNonNull(workflow, "workflow");
        return models.values().stream().filter(m -> m.supports(workflow))
                .sorted(Comparator.comparingDouble(ModelSpec::activeParametersBillions)).toList();
    }

    private ModelRegistry withAll(Collection<ModelSpec> specs) {
        var copy = new LinkedHashMap<>(models);
        for (ModelSpec spec : specs) {
            copy.put(spec.id(), spec);
        }
        return new ModelRegistry(java.util.Collections.unmodifiableMap(copy));
    }

    /** Loads the resource once, on first use. */
    private static final class BuiltIn {
        static final ModelRegistry REGISTRY = load();

        private static ModelRegistry load() {
            try (InputStream in = ModelRegistry.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new GenerationException("built-in " + RESOURCE + " is missing from the jar");
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new ModelRegistry(Map.of()).withModelsFromJson(json, "built-in " + RESOURCE);
            } catch (IOException e) {
                throw new GenerationException("built-in " + RESOURCE + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
