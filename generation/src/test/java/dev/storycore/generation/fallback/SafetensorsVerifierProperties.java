package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SafetensorsVerifierProperties {

    record Spec(String dtype, List<Long> shape) {
    }

    @Provide
    Arbitrary<Spec> tensors() {
        Arbitrary<String> dtypes = Arbitraries.of("F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8",
                "BOOL", "F8_E4M3", "F8_E5M2");
        Arbitrary<List<Long>> shapes = Arbitraries.longs().between(0, 6).list().ofMaxSize(3);
        return Combinators.combine(dtypes, shapes).as(Spec::new);
    }

    private static SafetensorsWriter writer(List<Spec> specs) {
        SafetensorsWriter writer = SafetensorsWriter.create();
        for (int i = 0; i < specs.size(); i++) {
            long[] shape = specs.get(i).shape().stream().mapToLong(Long::longValue).toArray();
            writer.tensor("t" + i, specs.get(i).dtype(), shape);
        }
        return writer;
    }

    @Property(tries = 60)
    void everyWellFormedFileVerifiesAndItsDataBytesAreTheSumOfItsTensors(
            @ForAll @Size(min = 1, max = 12) List<@From("tensors") Spec> specs) throws IOException {
        SafetensorsWriter writer = writer(specs);
        SafetensorsHeader header = readBack(writer, Long.MAX_VALUE);

        assertThat(SafetensorsVerifier.verify(header).status()).isEqualTo(ComponentStatus.OK);
        long sum = header.tensors().stream().mapToLong(t -> t.end() - t.begin()).sum();
        assertThat(header.dataBytes()).isEqualTo(sum).isEqualTo(writer.dataBytes());
    }

    @Property(tries = 60)
    void cuttingBytesOffTheDataMakesAWellFormedFileIncomplete(
            @ForAll @Size(min = 1, max = 12) List<@From("tensors") Spec> specs,
            @ForAll @IntRange(min = 1, max = 64) int cut) throws IOException {
        SafetensorsWriter writer = writer(specs);
        long full = 8 + writer.headerBytes().length + writer.dataBytes();
        Assume.that(cut <= writer.dataBytes());
        SafetensorsHeader header = readBack(writer, full - cut);

        Verification verification = SafetensorsVerifier.verify(header);
        assertThat(verification.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(verification.problems()).singleElement().asString().contains("(" + cut + " missing)");
    }

    /** Writes the file (cut to {@code keep} bytes), reads its header back and deletes it. */
    private static SafetensorsHeader readBack(SafetensorsWriter writer, long keep) throws IOException {
        Path dir = Files.createTempDirectory("safetensors-property");
        try {
            Path file = dir.resolve("p.safetensors");
            if (keep == Long.MAX_VALUE) {
                writer.write(file);
            } else {
                writer.writeTruncated(file, keep);
            }
            return SafetensorsReader.read(file);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
