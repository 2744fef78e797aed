package dev.storycore.benchmarks;

import dev.storycore.generation.fallback.SafetensorsHeader;
import dev.storycore.generation.fallback.SafetensorsReader;
import dev.storycore.generation.fallback.SafetensorsVerifier;
import dev.storycore.generation.fallback.Verification;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and verifying a 10,000-tensor safetensors header from a 20 GiB shard. The shard is a sparse
 * file: its header is real and its data region is a hole, so the benchmark proves the verifier costs
 * the header and never the data. Run with {@code benchmarks/run --safetensors}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SafetensorsHeaderBenchmark {

    private static final int TENSORS = 10_000;
    private static final long SHARD_BYTES = 20L << 30;

    private Path shard;

    /** Writes the header and stretches the file to 20 GiB without writing the data. */
    @Setup(Level.Trial)
    public void writeShard() throws IOException {
        shard = Files.createTempFile("bench-shard", ".safetensors");
        long perTensor = (SHARD_BYTES - 1_000_000_000L) / TENSORS / 2 * 2;
        long elements = perTensor / 2;
        var json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (int i = 0; i < TENSORS; i++) {
            json.append(",\"blocks.").append(i).append(".weight\":{\"dtype\":\"BF16\",\"shape\":[")
                    .append(elements).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + perTensor).append("]}");
            offset += perTensor;
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        try (var file = new RandomAccessFile(shard.toFile(), "rw")) {
            file.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            file.write(header);
            file.setLength(8 + header.length + offset);
        }
    }

    /** Deletes the shard. */
    @TearDown(Level.Trial)
    public void deleteShard() throws IOException {
        Files.deleteIfExists(shard);
    }

    /** Reads the header with bounded reads and checks every tensor's dtype, shape and offsets. */
    @Benchmark
    public Verification readAndVerify() throws IOException {
        SafetensorsHeader header = SafetensorsReader.read(shard);
        Verification verification = SafetensorsVerifier.verify(header);
        if (!verification.passed()) {
            throw new IllegalStateException("benchmark shard failed verification: " + verification.problems());
        }
        return verification;
    }
}
