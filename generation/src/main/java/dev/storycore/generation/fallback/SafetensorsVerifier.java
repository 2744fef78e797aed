package dev.storycore.generation.fallback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks that a safetensors header is consistent, from the header alone: every dtype is one the
 * format defines, no dimension is negative, every tensor's byte span equals its element count times
 * its dtype size (computed without overflow), the spans tile the data region from 0 without gaps or
 * overlaps, and the file is exactly as long as the header says (length prefix + header + data).
 *
 * <p>A file shorter than declared is {@link ComponentStatus#INCOMPLETE} (an unfinished download); any
 * other inconsistency, including bytes after the data, is {@link ComponentStatus#CORRUPT}, as the
 * format's reference loader refuses both. At most 20 sentences are kept, then one counting the rest.
 * Stateless and thread-safe; a 10,000-tensor header takes about a millisecond once warm (one sort).
 */
public final class SafetensorsVerifier {

    private static final Comparator<TensorInfo> BY_OFFSETS =
            Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end);

    private SafetensorsVerifier() {
    }

    /**
     * Verifies a header against itself and the file size it was read with; sentences start with
     * "the file".
     *
     * @param header the header
     * @return the status and problems
     */
    public static Verification verify(SafetensorsHeader header) {
        return verify(header, "the file");
    }

    /**
     * Verifies a header against itself and the file size it was read with.
     *
     * @param header  the header
     * @param subject how sentences name the file, e.g. {@code vae/diffusion_pytorch_model.safetensors}
     * @return the status and problems, each sentence starting with {@code subject}
     */
    public static Verification verify(SafetensorsHeader header, String subject) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(subject, "subject");
        Findings findings = new Findings();
        for (TensorInfo tensor : header.tensors()) {
            checkTensor(tensor, subject, findings);
        }
        checkTiling(header.tensors(), subject, findings);
        checkFileSize(header, subject, findings);
        return new Verification(findings.status(), findings.problems());
    }

    private static void checkTensor(TensorInfo tensor, String subject, Findings findings) {
        String problem = tensorProblem(tensor);
        if (!problem.isEmpty()) {
            findings.add(ComponentStatus.CORRUPT, declares(subject, tensor) + problem);
        }
    }

    /** What is wrong with one tensor, as the end of a sentence; empty when nothing is. */
    private static String tensorProblem(TensorInfo tensor) {
        if (tensor.knownDtype().isEmpty()) {
            return " with unknown dtype " + Sentences.quote(tensor.dtype()) + ".";
        }
        for (long dimension : tensor.shape()) {
            if (dimension < 0) {
                return " with a negative dimension in shape " + tensor.shape() + ".";
            }
        }
        if (!hasValidOffsets(tensor)) {
            return " with invalid data_offsets [" + tensor.begin() + ", " + tensor.end() + "].";
        }
        OptionalLong bits = tensor.expectedBits();
        if (bits.isEmpty()) {
            return " with a shape " + tensor.shape() + " whose size overflows 64 bits.";
        }
        if (bits.getAsLong() % 8 != 0) {
            return " of " + tensor.dtype() + " with shape " + tensor.shape()
                    + ", which does not fill a whole number of bytes.";
        }
        long span = tensor.end() - tensor.begin();
        if (span != bits.getAsLong() / 8) {
            return " spanning " + span + " bytes, but " + tensor.dtype() + " with shape " + tensor.shape()
                    + " needs " + bits.getAsLong() / 8 + ".";
        }
        return "";
    }

    private static boolean hasValidOffsets(TensorInfo tensor) {
        return tensor.begin() >= 0 && tensor.end() >= tensor.begin();
    }

    private static String declares(String subject, TensorInfo tensor) {
        return subject + " declares tensor " + Sentences.quote(tensor.name());
    }

    private static void checkTiling(List<TensorInfo> tensors, String subject, Findings findings) {
        // Tensors with invalid offsets were reported already; they would only add noise here.
        List<TensorInfo> sorted = new ArrayList<>(tensors.size());
        for (TensorInfo tensor : tensors) {
            if (hasValidOffsets(tensor)) {
                sorted.add(tensor);
            }
        }
        sorted.sort(BY_OFFSETS);
        long expectedBegin = 0;
        TensorInfo previous = null;
        for (TensorInfo tensor : sorted) {
            if (tensor.begin() > expectedBegin) {
                findings.add(ComponentStatus.CORRUPT, subject + " has a gap of " + (tensor.begin() - expectedBegin)
                        + " bytes before tensor " + Sentences.quote(tensor.name())
                        + (previous == null ? " at the start of the data."
                                : " after tensor " + Sentences.quote(previous.name()) + "."));
            } else if (tensor.begin() < expectedBegin) {
                findings.add(ComponentStatus.CORRUPT, declares(subject, tensor) + " overlapping tensor "
                        + Sentences.quote(previous.name()) + " by " + (expectedBegin - tensor.begin()) + " bytes.");
            }
            if (tensor.end() >= expectedBegin) {
                expectedBegin = tensor.end();
                previous = tensor;
            }
        }
    }

    private static void checkFileSize(SafetensorsHeader header, String subject, Findings findings) {
        long expected = header.expectedFileSize();
        long actual = header.fileSize();
        if (actual < expected) {
            findings.add(ComponentStatus.INCOMPLETE, subject + " is truncated: the header declares " + expected
                    + " bytes in all but the file has " + actual + " (" + (expected - actual) + " missing).");
        } else if (actual > expected) {
            findings.add(ComponentStatus.CORRUPT, subject + " has " + (actual - expected)
                    + " unexpected bytes after the tensor data declared by its header.");
        }
    }
}
