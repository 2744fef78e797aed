package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTensorsMetadataAndCountsFromTheHeader() throws IOException {
        Path file = SafetensorsWriter.create()
                .metadata("format", "pt")
                .tensor("a.weight", "BF16", 4, 8)
                .tensor("a.bias", "F32", 8)
                .tensor("scale", "F8_E4M3", 16)
                .write(dir.resolve("m.safetensors"));

        SafetensorsHeader header = SafetensorsReader.read(file);

        assertThat(header.tensorCount()).isEqualTo(3);
        assertThat(header.parameterCount()).isEqualTo(32 + 8 + 16);
        assertThat(header.dataBytes()).isEqualTo(64 + 32 + 16);
        assertThat(header.dtypes()).containsExactly(Map.entry("BF16", 1L), Map.entry("F32", 1L),
                Map.entry("F8_E4M3", 1L));
        assertThat(header.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(header.tensors().get(0)).isEqualTo(new TensorInfo("a.weight", "BF16", List.of(4L, 8L), 0, 64));
        assertThat(header.expectedFileSize()).isEqualTo(header.fileSize());
    }

    @Test
    void acceptsAHeaderPaddedWithSpaces() throws IOException {
        Path file = SafetensorsWriter.create().tensor("x", "F16", 3).padHeaderTo(128).write(dir.resolve("p.safetensors"));

        SafetensorsHeader header = SafetensorsReader.read(file);

        assertThat(header.headerLength()).isEqualTo(128);
        assertThat(SafetensorsVerifier.verify(header).passed()).isTrue();
    }

    @Test
    void reportsAnEmptyFileAsIncomplete() throws IOException {
        Path file = SafetensorsWriter.writeRaw(dir.resolve("e.safetensors"), new byte[0]);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(ComponentStatus.INCOMPLETE);
                    assertThat(e.getMessage()).isEqualTo("e.safetensors is empty");
                });
    }

    @Test
    void refusesAHeaderLengthOverTheLimitWithoutReadingIt() throws IOException {
        byte[] bytes = SafetensorsWriter.concat(SafetensorsWriter.prefix(SafetensorsHeader.MAX_HEADER_BYTES + 1),
                "{}".getBytes(StandardCharsets.US_ASCII));
        Path file = SafetensorsWriter.writeRaw(dir.resolve("huge.safetensors"), bytes);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(ComponentStatus.CORRUPT);
                    assertThat(e.detail()).contains("100000001 bytes", "100000000-byte limit");
                });
    }

    @Test
    void treatsAHeaderLengthWithTheTopBitSetAsOversizedNotNegative() throws IOException {
        Path file = SafetensorsWriter.writeRaw(dir.resolve("neg.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(-2L), "{}".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class,
                        e -> assertThat(e.detail()).contains("18446744073709551614"));
    }

    @Test
    void reportsAFileCutInsideItsHeaderAsIncomplete() throws IOException {
        SafetensorsWriter writer = SafetensorsWriter.create().tensor("x", "F32", 4);
        Path file = writer.writeTruncated(dir.resolve("cut.safetensors"), 8 + writer.headerBytes().length / 2);

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(ComponentStatus.INCOMPLETE);
                    assertThat(e.detail()).startsWith("is truncated inside its header");
                });
    }

    @Test
    void reportsGarbageAfterTheLengthAsCorrupt() throws IOException {
        byte[] garbage = "xq\u0001\u0002garbage".getBytes(StandardCharsets.ISO_8859_1);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("g.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(garbage.length), garbage));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(ComponentStatus.CORRUPT);
                    assertThat(e.detail()).contains("does not start with '{'");
                });
    }

    @Test
    void reportsInvalidJsonWithItsPosition() throws IOException {
        byte[] header = "{\"x\": {\"dtype\": \"F32\",, }".getBytes(StandardCharsets.US_ASCII);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("j.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(header.length), header));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class, e -> {
                    assertThat(e.status()).isEqualTo(ComponentStatus.CORRUPT);
                    assertThat(e.detail()).startsWith("has a header that is not valid JSON").contains("line 1");
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void reportsATensorWithoutDataOffsets() throws IOException {
        byte[] header = "{\"x\": {\"dtype\": \"F32\", \"shape\": [2]}}".getBytes(StandardCharsets.US_ASCII);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("o.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(header.length), header, new byte[8]));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class,
                        e -> assertThat(e.detail()).isEqualTo("declares tensor 'x' without a data_offsets array"));
    }

    @Test
    void reportsADtypeThatIsNotAStringWithoutLosingItsPlace() throws IOException {
        byte[] header = "{\"x\": {\"dtype\": {\"shape\": [1]}, \"shape\": [1], \"data_offsets\": [0, 1]}}"
                .getBytes(StandardCharsets.US_ASCII);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("dt.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(header.length), header, new byte[1]));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class,
                        e -> assertThat(e.detail()).isEqualTo("declares tensor 'x' without a dtype string"));
    }

    @Test
    void reportsMetadataThatIsNotStrings() throws IOException {
        byte[] header = "{\"__metadata__\": {\"steps\": 5}}".getBytes(StandardCharsets.US_ASCII);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("md.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(header.length), header));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class,
                        e -> assertThat(e.detail()).contains("'steps'", "not a string"));
    }

    @Test
    void reportsDuplicateTensorNamesAsInvalidJson() throws IOException {
        String entry = "{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}";
        byte[] header = ("{\"x\":" + entry + ",\"x\":" + entry + "}").getBytes(StandardCharsets.US_ASCII);
        Path file = SafetensorsWriter.writeRaw(dir.resolve("d.safetensors"),
                SafetensorsWriter.concat(SafetensorsWriter.prefix(header.length), header, new byte[1]));

        assertThatThrownBy(() -> SafetensorsReader.read(file))
                .isInstanceOfSatisfying(SafetensorsFormatException.class,
                        e -> assertThat(e.detail()).contains("Duplicate field 'x'"));
    }
}
