package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsVerifierTest {

    @TempDir
    Path dir;

    private static SafetensorsHeader header(long fileSize, TensorInfo... tensors) {
        return new SafetensorsHeader(fileSize, 100, List.of(tensors), Map.of());
    }

    private static TensorInfo tensor(String name, String dtype, long begin, long end, Long... shape) {
        return new TensorInfo(name, dtype, List.of(shape), begin, end);
    }

    @Test
    void passesAConsistentFileWrittenByTheTestWriter() throws IOException {
        Path file = ModelFolders.weights().tensor("empty", "F16", 0, 4).tensor("scalar", "F64")
                .write(dir.resolve("ok.safetensors"));

        Verification verification = SafetensorsVerifier.verify(SafetensorsReader.read(file));

        assertThat(verification.status()).isEqualTo(ComponentStatus.OK);
        assertThat(verification.problems()).isEmpty();
    }

    @Test
    void reportsAnUnknownDtype() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 4, tensor("q", "Q4_K", 0, 4, 8L)), "m");

        assertThat(verification.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(verification.problems()).containsExactly("m declares tensor 'q' with unknown dtype 'Q4_K'.");
    }

    @Test
    void reportsANegativeDimension() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 4, tensor("w", "U8", 0, 4, -4L)), "m");

        assertThat(verification.problems())
                .containsExactly("m declares tensor 'w' with a negative dimension in shape [-4].");
    }

    @Test
    void reportsASpanThatDoesNotMatchShapeTimesDtypeSize() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 10, tensor("w", "F16", 0, 10, 2L, 3L)), "m");

        assertThat(verification.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(verification.problems())
                .containsExactly("m declares tensor 'w' spanning 10 bytes, but F16 with shape [2, 3] needs 12.");
    }

    @Test
    void reportsOverlappingTensors() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 12,
                tensor("a", "F32", 0, 8, 2L), tensor("b", "F32", 4, 12, 2L)), "m");

        assertThat(verification.problems()).containsExactly("m declares tensor 'b' overlapping tensor 'a' by 4 bytes.");
    }

    @Test
    void reportsAGapBetweenTensorsAndAtTheStart() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 20,
                tensor("a", "F32", 4, 8, 1L), tensor("b", "F32", 16, 20, 1L)), "m");

        assertThat(verification.problems()).containsExactly(
                "m has a gap of 4 bytes before tensor 'a' at the start of the data.",
                "m has a gap of 8 bytes before tensor 'b' after tensor 'a'.");
    }

    @Test
    void reportsOffsetsThatRunBackwards() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 8, tensor("a", "F32", 8, 0, 2L)), "m");

        assertThat(verification.problems()).contains("m declares tensor 'a' with invalid data_offsets [8, 0].");
    }

    @Test
    void reportsAShapeWhoseSizeOverflowsWithoutThrowing() {
        long big = 1L << 40;
        Verification verification = SafetensorsVerifier.verify(header(108 + 8,
                tensor("a", "F64", 0, 8, big, big)), "m");

        assertThat(verification.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(verification.problems().get(0)).contains("overflows 64 bits");
    }

    @Test
    void reportsPackedSubByteTensorsThatDoNotFillWholeBytes() {
        Verification odd = SafetensorsVerifier.verify(header(108 + 2, tensor("a", "F4", 0, 2, 3L)), "m");
        Verification even = SafetensorsVerifier.verify(header(108 + 2, tensor("a", "F4", 0, 2, 4L)), "m");

        assertThat(odd.problems()).containsExactly(
                "m declares tensor 'a' of F4 with shape [3], which does not fill a whole number of bytes.");
        assertThat(even.passed()).isTrue();
    }

    @Test
    void reportsATruncatedDataRegionAsIncomplete() throws IOException {
        SafetensorsWriter writer = ModelFolders.weights();
        long full = 8 + writer.headerBytes().length + writer.dataBytes();
        Path file = writer.writeTruncated(dir.resolve("t.safetensors"), full - 5);

        Verification verification = SafetensorsVerifier.verify(SafetensorsReader.read(file), "t.safetensors");

        assertThat(verification.status()).isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(verification.problems()).containsExactly("t.safetensors is truncated: the header declares " + full
                + " bytes in all but the file has " + (full - 5) + " (5 missing).");
    }

    @Test
    void reportsBytesAfterTheDeclaredDataAsCorrupt() {
        Verification verification = SafetensorsVerifier.verify(header(108 + 4 + 3, tensor("a", "I32", 0, 4, 1L)), "m");

        assertThat(verification.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(verification.problems())
                .containsExactly("m has 3 unexpected bytes after the tensor data declared by its header.");
    }

    @Test
    void truncationWithBadOffsetsIsCorrupt() {
        Verification verification = SafetensorsVerifier.verify(header(100, tensor("a", "I32", 0, 5, 1L)), "m");

        assertThat(verification.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(verification.problems()).hasSize(2);
    }

    @Test
    void capsTheNumberOfSentences() {
        TensorInfo[] tensors = new TensorInfo[50];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = tensor("t" + i, "NOPE", i, i + 1, 1L);
        }
        Verification verification = SafetensorsVerifier.verify(header(108 + 50, tensors), "m");

        assertThat(verification.problems()).hasSize(Findings.MAX_PROBLEMS + 1);
        assertThat(verification.problems().get(Findings.MAX_PROBLEMS)).isEqualTo("… and 30 more problems");
    }
}
