package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one weight file: resolves it through the {@link PathGuard}, tells its format from its first
 * bytes and, for safetensors, reads and verifies the header. Pickle-based files are never opened
 * beyond those first bytes. Stateless and thread-safe.
 */
final class WeightFileInspector {

    /** File endings ComfyUI and diffusers load weights from. */
    static final Set<String> WEIGHT_ENDINGS =
            Set.of(".safetensors", ".sft", ".gguf", ".ckpt", ".pt", ".pt2", ".pth", ".bin", ".pkl");

    private static final int SNIFF_BYTES = 24;
    private static final byte[] LFS_POINTER = "version https://git-lfs".getBytes(StandardCharsets.US_ASCII);

    private WeightFileInspector() {
    }

    static boolean isWeightName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return WEIGHT_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    static WeightFile inspect(Path file, String display, PathGuard guard) {
        Findings findings = new Findings();
        return guard.readable(file, display, findings)
                .map(real -> inspectInside(real, display))
                .orElseGet(() -> WeightFile.ofProblem(display, WeightFormat.UNKNOWN, findings.status(), 0,
                        findings.problems().get(0)));
    }

    private static WeightFile inspectInside(Path real, String display) {
        if (!Files.isRegularFile(real)) {
            return WeightFile.ofProblem(display, WeightFormat.UNKNOWN, ComponentStatus.CORRUPT, 0,
                    display + " is not a regular file.");
        }
        try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = Json.readFully(channel, 0, SNIFF_BYTES);
            WeightFormat format = formatOf(head, display);
            return switch (format) {
                case SAFETENSORS -> safetensors(real, display);
                case GGUF -> gguf(head, size, display);
                case PICKLE, TORCH_ZIP -> WeightFile.ofProblem(display, format, ComponentStatus.UNSAFE, size,
                        display + " is a pickle-based PyTorch file" + misnamed(display)
                                + "; loading it can run arbitrary code, so it was not opened"
                                + " (use a safetensors version of it).");
                case LFS_POINTER -> WeightFile.ofProblem(display, format, ComponentStatus.INCOMPLETE, size,
                        display + " is a Git LFS pointer; the weights themselves were never downloaded.");
                case UNKNOWN -> WeightFile.ofProblem(display, format, size == 0 ? ComponentStatus.INCOMPLETE
                        : ComponentStatus.CORRUPT, size, display + describeUnknown(head, size));
            };
        } catch (IOException e) {
            return WeightFile.ofProblem(display, WeightFormat.UNKNOWN, ComponentStatus.CORRUPT, 0,
                    display + " could not be read: " + e + ".");
        }
    }

    static WeightFormat formatOf(byte[] head, String name) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return WeightFormat.PICKLE;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return WeightFormat.TORCH_ZIP;
        }
        if (startsWith(head, new byte[] {'G', 'G', 'U', 'F'})) {
            return WeightFormat.GGUF;
        }
        if (startsWith(head, LFS_POINTER)) {
            return WeightFormat.LFS_POINTER;
        }
        if (looksLikeText(head)) {
            return WeightFormat.UNKNOWN;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean namedSafetensors = lower.endsWith(".safetensors") || lower.endsWith(".sft");
        if (namedSafetensors || (head.length > 8 && head[8] == '{')) {
            return WeightFormat.SAFETENSORS;
        }
        return WeightFormat.UNKNOWN;
    }

    private static WeightFile safetensors(Path real, String display) throws IOException {
        try {
            SafetensorsHeader header = SafetensorsReader.read(real);
            return WeightFile.ofHeader(display, header, SafetensorsVerifier.verify(header, display));
        } catch (SafetensorsFormatException e) {
            return WeightFile.ofProblem(display, WeightFormat.SAFETENSORS, e.status(), Files.size(real),
                    display + " " + e.detail() + ".");
        }
    }

    private static WeightFile gguf(byte[] head, long size, String display) {
        if (head.length < SNIFF_BYTES) {
            return WeightFile.ofProblem(display, WeightFormat.GGUF, ComponentStatus.INCOMPLETE, size,
                    display + " is too short for a GGUF header.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int version = buffer.getInt(4);
        // Version 1 stored the tensor count in 32 bits, later versions in 64.
        long tensors = version == 1 ? Integer.toUnsignedLong(buffer.getInt(8)) : buffer.getLong(8);
        if (version < 1 || tensors < 0) {
            return WeightFile.ofProblem(display, WeightFormat.GGUF, ComponentStatus.CORRUPT, size,
                    display + " has a GGUF header with version " + version + " and an invalid tensor count.");
        }
        return new WeightFile(display, WeightFormat.GGUF, ComponentStatus.OK, List.of(), size, tensors, 0, 0,
                Map.of(), List.of(), Map.of());
    }

    private static String misnamed(String display) {
        String lower = display.toLowerCase(Locale.ROOT);
        return lower.endsWith(".safetensors") || lower.endsWith(".sft") ? " despite its safetensors name" : "";
    }

    private static String describeUnknown(byte[] head, long size) {
        if (size == 0) {
            return " is empty.";
        }
        if (looksLikeText(head)) {
            return " is a text file, not weights (a failed download often leaves an error page like this).";
        }
        return " is not a safetensors, GGUF or PyTorch file.";
    }

    /**
     * True when the first 8 bytes are printable ASCII. A safetensors length prefix never is: any
     * length under the 100 MB limit has zero upper bytes.
     */
    private static boolean looksLikeText(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (head[i] < 0x09 || head[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
