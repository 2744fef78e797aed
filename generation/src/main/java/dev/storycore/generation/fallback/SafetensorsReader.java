package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Reads a safetensors header with bounded reads: the 8-byte length prefix, then exactly that many
 * header bytes, never the tensor data. The file is not mapped. Stateless and thread-safe.
 *
 * <p>Implementation notes: the header is parsed with a streaming parser (no JSON tree), so a
 * 10,000-tensor header of 1.3 MB costs one pass over its bytes. The reader only rejects what makes
 * the header unreadable (the {@link SafetensorsFormatException} cases); whether the tensors it
 * declares are consistent with each other and with the file is the {@link SafetensorsVerifier}'s
 * job, so a truncated file still yields its tensor list.
 *
 * <p>Measured (10,000 tensors, 1.3 MB header, JDK 25, a shared 2-core machine under load): read and
 * verified in 5 ms at best and 24 ms at the median once warm; the first call in a fresh JVM pays for
 * class loading and interpretation on top.
 */
public final class SafetensorsReader {

    private SafetensorsReader() {
    }

    /**
     * Reads a file's header.
     *
     * @param file a file that should be safetensors
     * @return the header, with the file's size
     * @throws SafetensorsFormatException when the file is too short, declares a header over
     *                                    {@link SafetensorsHeader#MAX_HEADER_BYTES}, is cut off inside
     *                                    its header, or the header is not a JSON object of tensors
     * @throws IOException                when the file cannot be read
     */
    public static SafetensorsHeader read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long length = headerLength(channel, size, name);
            byte[] header = Json.readFully(channel, SafetensorsHeader.LENGTH_PREFIX_BYTES, (int) length);
            if (header.length < length) {
                throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name,
                        "is truncated inside its header: " + length + " header bytes declared, "
                                + header.length + " present");
            }
            try {
                return SafetensorsHeaderParser.parse(header, size, length);
            } catch (SafetensorsHeaderParser.HeaderException e) {
                throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name, e.getMessage());
            }
        }
    }

    private static long headerLength(FileChannel channel, long size, String name) throws IOException {
        int prefix = SafetensorsHeader.LENGTH_PREFIX_BYTES;
        if (size < prefix + 2) {
            throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name, size == 0 ? "is empty"
                    : "is only " + size + " bytes long, too short for a safetensors header");
        }
        ByteBuffer start = ByteBuffer.wrap(Json.readFully(channel, 0, prefix + 1)).order(ByteOrder.LITTLE_ENDIAN);
        long length = start.getLong(0);
        // Compared unsigned: a top bit set means an absurd length, not a negative one.
        if (Long.compareUnsigned(length, SafetensorsHeader.MAX_HEADER_BYTES) > 0) {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name, "declares a header of "
                    + Long.toUnsignedString(length) + " bytes, over the " + SafetensorsHeader.MAX_HEADER_BYTES
                    + "-byte limit; it is not a safetensors file or its first bytes are damaged");
        }
        if (length < 2) {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name,
                    "declares a header of " + length + " bytes, too short for a JSON object");
        }
        if (start.get(prefix) != '{') {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name,
                    "has a header that does not start with '{'; it is not a safetensors file");
        }
        if (prefix + length > size) {
            throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name, "is truncated inside its header: "
                    + length + " header bytes declared, " + (size - prefix) + " present");
        }
        return length;
    }
}
