package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks one diffusers or transformers component folder: a model's {@code config.json} and weights
 * (one file, or shards with an index), a scheduler's or processor's config, a tokenizer's files
 * (loosely: any of the usual ones). Stateless and thread-safe.
 */
final class ComponentFolder {

    static final List<String> STANDARD_INDEXES =
            List.of("diffusion_pytorch_model.safetensors.index.json", "model.safetensors.index.json");
    static final List<String> STANDARD_WEIGHTS =
            List.of("diffusion_pytorch_model.safetensors", "model.safetensors");
    static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "spiece.model", "tokenizer.model", "vocab.json", "vocab.txt");

    private ComponentFolder() {
    }

    /**
     * @param dir    the folder, as listed (may be a link)
     * @param prefix how sentences name files in it, e.g. {@code transformer/}; empty for the analysed root
     */
    static ComponentReport check(String name, Path dir, String prefix, ComponentKind kind, PathGuard guard) {
        String display = prefix.isEmpty() ? "the folder" : prefix;
        Findings own = new Findings();
        Optional<Path> real = guard.readable(dir, display, own);
        if (real.isEmpty()) {
            return ComponentReport.without(name, own.status(), own.problems().get(0));
        }
        if (!Files.isDirectory(real.get())) {
            return ComponentReport.without(name, ComponentStatus.CORRUPT, display + " is a file, not a folder.");
        }
        Set<String> names;
        try (Stream<Path> children = Files.list(real.get())) {
            names = new TreeSet<>(children.map(child -> child.getFileName().toString()).toList());
        } catch (IOException e) {
            return ComponentReport.without(name, ComponentStatus.CORRUPT, display + " could not be listed: " + e + ".");
        }
        Folder folder = new Folder(real.get(), prefix, names, guard, own);
        return switch (kind) {
            case SCHEDULER -> folder.configOnly(name, "scheduler_config.json");
            case PROCESSOR -> folder.configOnly(name, "preprocessor_config.json");
            case TOKENIZER -> folder.tokenizer(name);
            case MODEL -> folder.model(name);
        };
    }

    /** One folder being checked; lives for one {@link #check} call. */
    private record Folder(Path dir, String prefix, Set<String> names, PathGuard guard, Findings own) {

        ComponentReport configOnly(String name, String config) {
            requireJson(config);
            return ComponentReport.of(name, verification(), List.of());
        }

        ComponentReport tokenizer(String name) {
            if (TOKENIZER_FILES.stream().noneMatch(names::contains)) {
                own.add(ComponentStatus.INCOMPLETE, (prefix.isEmpty() ? "the folder" : prefix)
                        + " has none of the usual tokenizer files (" + String.join(", ", TOKENIZER_FILES) + ").");
            } else if (names.contains("tokenizer_config.json")) {
                requireJson("tokenizer_config.json");
            }
            return ComponentReport.of(name, verification(), List.of());
        }

        ComponentReport model(String name) {
            requireJson("config.json");
            Optional<String> index = first(STANDARD_INDEXES)
                    .or(() -> names.stream().filter(n -> n.endsWith(".safetensors.index.json")).findFirst());
            if (index.isPresent()) {
                return sharded(name, index.get());
            }
            List<String> weights = STANDARD_WEIGHTS.stream().filter(names::contains).toList();
            if (weights.isEmpty()) {
                weights = names.stream().filter(n -> n.endsWith(".safetensors") || n.endsWith(".sft")).toList();
            }
            if (weights.isEmpty()) {
                Optional<String> otherIndex = names.stream().filter(n -> n.endsWith(".index.json")).findFirst();
                if (otherIndex.isPresent()) {
                    return sharded(name, otherIndex.get());
                }
                weights = names.stream().filter(WeightFileInspector::isWeightName).toList();
            }
            if (weights.isEmpty()) {
                own.add(ComponentStatus.INCOMPLETE, (prefix.isEmpty() ? "the folder" : prefix)
                        + " has no weights (expected diffusion_pytorch_model.safetensors, model.safetensors"
                        + " or a *.safetensors.index.json with its shards).");
            }
            List<WeightFile> files = weights.stream()
                    .map(weight -> WeightFileInspector.inspect(dir.resolve(weight), prefix + weight, guard))
                    .toList();
            return ComponentReport.of(name, verification(), files);
        }

        private ComponentReport sharded(String name, String index) {
            ShardedWeights.Result result = ShardedWeights.check(dir.resolve(index), prefix + index, prefix, guard);
            own.addAll(result.index().status(), result.index().problems());
            return ComponentReport.of(name, verification(), result.shards());
        }

        private void requireJson(String file) {
            String display = prefix + file;
            Optional<Path> real = guard.readable(dir.resolve(file), display, own, ComponentStatus.INCOMPLETE);
            real.ifPresent(path -> {
                if (Json.readFile(path) instanceof Json.Failed failed) {
                    own.add(failed.status(), display + " " + failed.problem() + ".");
                }
            });
        }

        private Optional<String> first(List<String> candidates) {
            return candidates.stream().filter(names::contains).findFirst();
        }

        private Verification verification() {
            return new Verification(own.status(), own.problems());
        }
    }
}
