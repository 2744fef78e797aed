package dev.storycore.generation.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells which registry model a diffusers folder holds, from its pipeline class, the extra keys of
 * {@code model_index.json} ({@code boundary_ratio} means Wan2.2 A14B, {@code expand_timesteps} TI2V-5B)
 * and {@code transformer/config.json}: Wan's 1.3B has 12 attention heads, the 14B models 40, TI2V-5B 24
 * and 48 input channels. When the config does not say, the transformer's parameter count from its
 * headers decides, then the folder name ({@code …-1.3B-…}, {@code …-720P-…}). Reads only the two JSON
 * files, through the same link guard as the analyzer. Stateless and thread-safe.
 */
final class DiffusersMatcher {

    /** A recognised model and how it was recognised. */
    record Match(String modelId, String how) {
    }

    private enum Size { SMALL, FIVE_B, LARGE, UNKNOWN }

    private DiffusersMatcher() {
    }

    static Optional<Match> match(Path root, ModelFolderReport report, ModelRegistry models) {
        if (report.pipeline().isEmpty()) {
            return Optional.empty();
        }
        Optional<Folder> folder = Folder.of(root);
        JsonNode config = folder.flatMap(f -> f.json("transformer/config.json")).orElse(null);
        Optional<ModelIndex> index = folder.flatMap(f -> f.json(DiffusersLayout.MODEL_INDEX)).flatMap(node -> {
            try {
                return Optional.of(ModelIndex.of(node));
            } catch (GenerationException e) {
                return Optional.empty();
            }
        });
        String name = KnownFiles.compact(Optional.ofNullable(root.toAbsolutePath().normalize().getFileName())
                .map(Path::toString).orElse(""));
        boolean experts = index.map(i -> i.boundaryRatio().isPresent()).orElse(false);
        Size size = size(config, report, name);
        String how = "pipeline " + report.pipeline() + describe(config, experts);
        Optional<Match> match = switch (report.pipeline()) {
            case "WanPipeline", "WanVideoToVideoPipeline" -> experts ? found("wan2.2-t2v-a14b", how)
                    : switch (size) {
                        case SMALL -> found("wan2.1-t2v-1.3b", how);
                        case LARGE -> found("wan2.1-t2v-14b", how);
                        case FIVE_B -> found("wan2.2-ti2v-5b", how);
                        case UNKNOWN -> expandsTimesteps(index) ? found("wan2.2-ti2v-5b", how) : Optional.empty();
                    };
            case "WanImageToVideoPipeline" -> experts ? found("wan2.2-i2v-a14b", how)
                    : name.contains("720p") ? found("wan2.1-i2v-14b-720p", how + ", 720P by the folder name")
                    : found("wan2.1-i2v-14b-480p", how + (name.contains("480p") ? ", 480P by the folder name"
                            : ", 480P assumed (the folder name does not say 480P or 720P)"));
            case "WanVACEPipeline" -> size == Size.LARGE ? found("wan2.1-vace-14b", how) : Optional.empty();
            case "HunyuanVideoPipeline" -> found("hunyuan-video-t2v", how);
            case "HunyuanVideoImageToVideoPipeline" -> found("hunyuan-video-i2v", how);
            default -> Optional.empty();
        };
        return match.filter(m -> models.find(m.modelId()).isPresent());
    }

    /** Where the folder's files are: the snapshot of a Hugging Face cache repository, else the folder itself. */
    static Path modelDir(Path root) {
        return Folder.of(root).map(Folder::dir).filter(dir -> HfCacheLayout.repositoryOf(dir).isPresent())
                .orElse(root);
    }

    private static Optional<Match> found(String modelId, String how) {
        return Optional.of(new Match(modelId, how));
    }

    private static boolean expandsTimesteps(Optional<ModelIndex> index) {
        return index.map(i -> "true".equals(i.extras().get("expand_timesteps"))).orElse(false);
    }

    private static Size size(JsonNode config, ModelFolderReport report, String name) {
        if (config != null) {
            if (config.path("in_channels").asInt() == 48) {
                return Size.FIVE_B;
            }
            switch (config.path("num_attention_heads").asInt()) {
                case 12 -> {
                    return Size.SMALL;
                }
                case 24 -> {
                    return Size.FIVE_B;
                }
                case 40 -> {
                    return Size.LARGE;
                }
                default -> {
                    // Not a Wan config we know; fall through to the weights and the name.
                }
            }
        }
        long parameters = report.component("transformer").map(ComponentReport::parameters).orElse(0L);
        if (parameters > 10_000_000_000L) {
            return Size.LARGE;
        }
        if (parameters > 1_000_000_000L) {
            return parameters < 2_500_000_000L ? Size.SMALL : Size.FIVE_B;
        }
        return name.contains("13b") ? Size.SMALL : name.contains("ti2v5b") ? Size.FIVE_B
                : name.contains("14b") ? Size.LARGE : Size.UNKNOWN;
    }

    private static String describe(JsonNode config, boolean experts) {
        if (experts) {
            return ", boundary_ratio set (two experts)";
        }
        if (config == null || !config.has("num_attention_heads")) {
            return "";
        }
        return ", transformer config: " + config.path("num_attention_heads").asInt() + " heads, "
                + config.path("num_layers").asInt() + " layers, " + config.path("in_channels").asInt()
                + " input channels";
    }

    /** The folder to read, with the boundary links must stay under. */
    private record Folder(Path dir, PathGuard guard) {

        static Optional<Folder> of(Path root) {
            try {
                Path real = root.toRealPath();
                Optional<Path> repository = HfCacheLayout.repositoryOf(real);
                if (repository.isEmpty()) {
                    return Optional.of(new Folder(real, new PathGuard(real)));
                }
                Optional<Path> snapshot = real.equals(repository.get()) ? snapshot(real) : Optional.of(real);
                return snapshot.map(dir -> new Folder(dir, new PathGuard(repository.get())));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        Optional<JsonNode> json(String relative) {
            Optional<Path> real = guard.readable(dir.resolve(relative), relative, new Findings());
            return real.flatMap(path -> Json.readFile(path) instanceof Json.Parsed parsed
                    ? Optional.of(parsed.node()) : Optional.empty());
        }

        /** The snapshot refs/main names, else the only or last one by name. */
        private static Optional<Path> snapshot(Path repository) throws IOException {
            Path ref = repository.resolve("refs").resolve("main");
            if (Files.isRegularFile(ref, LinkOption.NOFOLLOW_LINKS) && Files.size(ref) < 256) {
                Path named = repository.resolve("snapshots").resolve(Files.readString(ref).strip());
                if (named.normalize().startsWith(repository.resolve("snapshots")) && Files.isDirectory(named)) {
                    return Optional.of(named);
                }
            }
            try (Stream<Path> all = Files.list(repository.resolve("snapshots"))) {
                return all.filter(Files::isDirectory).sorted().reduce((first, second) -> second);
            }
        }
    }
}
