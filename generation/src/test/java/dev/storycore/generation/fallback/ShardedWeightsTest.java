package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedWeightsTest {

    private static final String SHARD_1 = "diffusion_pytorch_model-00001-of-00002.safetensors";
    private static final String SHARD_2 = "diffusion_pytorch_model-00002-of-00002.safetensors";
    private static final String INDEX = "diffusion_pytorch_model.safetensors.index.json";

    @TempDir
    Path root;

    private Path transformer;

    @BeforeEach
    void writeTwoShards() throws IOException {
        transformer = root.resolve("transformer");
        ModelFolders.text(transformer.resolve("config.json"), "{\"_class_name\": \"WanTransformer3DModel\"}");
        SafetensorsWriter.create().tensor("blocks.0.q", "BF16", 16, 16).tensor("blocks.0.k", "BF16", 16, 16)
                .write(transformer.resolve(SHARD_1));
        SafetensorsWriter.create().tensor("blocks.1.q", "BF16", 16, 16).tensor("head", "F32", 16)
                .write(transformer.resolve(SHARD_2));
    }

    private void index(long totalSize, String extraEntry) throws IOException {
        ModelFolders.text(transformer.resolve(INDEX), """
                {"metadata": {"total_size": %d},
                 "weight_map": {"blocks.0.q": "%s", "blocks.0.k": "%s", "blocks.1.q": "%s", "head": "%s"%s}}
                """.formatted(totalSize, SHARD_1, SHARD_1, SHARD_2, SHARD_2, extraEntry));
    }

    private ComponentReport check() throws IOException {
        return ComponentFolder.check("transformer", transformer, "transformer/", ComponentKind.MODEL,
                new PathGuard(root.toRealPath()));
    }

    @Test
    void acceptsCompleteShardsAndSumsThem() throws IOException {
        index(512 + 512 + 512 + 64, "");

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.OK);
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).extracting(WeightFile::path)
                .containsExactly("transformer/" + SHARD_1, "transformer/" + SHARD_2);
        assertThat(report.tensorCount()).isEqualTo(4);
        assertThat(report.parameters()).isEqualTo(3 * 256 + 16);
        assertThat(report.estimatedMemoryBytes()).isEqualTo(1600);
        assertThat(report.dtypes()).containsEntry("BF16", 3L).containsEntry("F32", 1L);
    }

    @Test
    void reportsAMissingShardAsIncomplete() throws IOException {
        index(1600, "");
        Files.delete(transformer.resolve(SHARD_2));

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(report.problems()).containsExactly("transformer/" + SHARD_2 + " is missing; transformer/" + INDEX
                + " assigns 2 tensors to it.");
    }

    @Test
    void reportsATensorTheIndexPutsInAShardThatLacksIt() throws IOException {
        index(1600, ", \"blocks.1.k\": \"" + SHARD_2 + "\"");

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(report.problems()).containsExactly("transformer/" + SHARD_2 + " lacks 1 of the tensors transformer/"
                + INDEX + " assigns to it: 'blocks.1.k'.");
    }

    @Test
    void reportsATotalSizeThatDoesNotMatchTheShards() throws IOException {
        index(4096, "");

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(report.problems()).singleElement().asString()
                .contains("gives total_size 4096 but its shards' headers declare 1600 bytes");
    }

    @Test
    void toleratesATotalSizeWithinOnePercent() throws IOException {
        index(1600 + 15, "");

        assertThat(check().status()).isEqualTo(ComponentStatus.OK);
    }

    @Test
    void reportsATruncatedShardAndKeepsItsDeclaredSizes() throws IOException {
        index(1600, "");
        long size = Files.size(transformer.resolve(SHARD_1));
        try (var file = new java.io.RandomAccessFile(transformer.resolve(SHARD_1).toFile(), "rw")) {
            file.setLength(size - 100);
        }

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(report.problems()).singleElement().asString().startsWith("transformer/" + SHARD_1 + " is truncated");
        assertThat(report.estimatedMemoryBytes()).isEqualTo(1600);
    }

    @Test
    void reportsAnIndexThatIsNotJson() throws IOException {
        ModelFolders.text(transformer.resolve(INDEX), "{\"weight_map\": {\"a\": ");

        ComponentReport report = check();

        assertThat(report.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(report.problems()).singleElement().asString().startsWith("transformer/" + INDEX + " is not valid JSON");
    }
}
