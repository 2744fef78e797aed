package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyser's cost is its headers': a 10,000-tensor header and a sparse 20 GiB shard both verify
 * without reading tensor data. No timing is asserted (the machine is shared); see the class comment
 * of {@link SafetensorsReader} for a measured figure.
 */
class HeaderOnlyCostTest {

    private static final long TWENTY_GIB = 20L << 30;

    @TempDir
    Path dir;

    @Test
    void verifiesATenThousandTensorHeader() throws IOException {
        SafetensorsWriter writer = SafetensorsWriter.create();
        for (int i = 0; i < 10_000; i++) {
            writer.tensor("blocks." + (i / 10) + ".attn.w" + (i % 10), i % 2 == 0 ? "BF16" : "F8_E4M3", 3, 4);
        }
        Path file = writer.write(dir.resolve("many.safetensors"));

        SafetensorsHeader header = SafetensorsReader.read(file);
        Verification verification = SafetensorsVerifier.verify(header);

        assertThat(verification.problems()).isEmpty();
        assertThat(header.tensorCount()).isEqualTo(10_000);
        assertThat(header.parameterCount()).isEqualTo(120_000);
        assertThat(header.dtypes()).containsEntry("BF16", 5_000L).containsEntry("F8_E4M3", 5_000L);
    }

    @Test
    void verifiesASparseTwentyGibShardFromItsHeaderAlone() throws IOException {
        int headerLength = 4096;
        long data = TWENTY_GIB - 8 - headerLength;
        long gibOfBf16 = (1L << 30) / 2;
        SafetensorsWriter writer = SafetensorsWriter.create().padHeaderTo(headerLength);
        long placed = 0;
        for (int i = 0; placed + (1L << 30) <= data; i++, placed += 1L << 30) {
            writer.tensor("blocks." + i + ".ffn.weight", "BF16", gibOfBf16);
        }
        writer.tensor("head.weight", "U8", data - placed);
        Path shard = writer.writeSparse(dir.resolve("diffusion_pytorch_model-00001-of-00001.safetensors"), TWENTY_GIB);

        WeightFile file = WeightFileInspector.inspect(shard, "shard", new PathGuard(dir.toRealPath()));

        assertThat(Files.size(shard)).isEqualTo(TWENTY_GIB);
        assertThat(file.status()).isEqualTo(ComponentStatus.OK);
        assertThat(file.dataBytes()).isEqualTo(data);
        assertThat(file.tensorCount()).isEqualTo(20);
        assertThat(file.estimatedMemoryBytes()).isEqualTo(data);
    }

    @Test
    void reportsASparseShardOneByteShortAsTruncated() throws IOException {
        SafetensorsWriter writer = SafetensorsWriter.create().tensor("w", "BF16", TWENTY_GIB / 4);
        Path shard = writer.writeSparse(dir.resolve("short.safetensors"),
                8 + writer.headerBytes().length + writer.dataBytes() - 1);

        Verification verification = SafetensorsVerifier.verify(SafetensorsReader.read(shard));

        assertThat(verification.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(verification.problems().get(0)).contains("(1 missing)");
    }
}
