package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One tensor as a safetensors header declares it. Values are as read: the
 * {@link SafetensorsVerifier} says whether they are consistent.
 *
 * @param name  the tensor name, e.g. {@code blocks.0.self_attn.q.weight}
 * @param dtype the dtype name as written, e.g. {@code BF16}; may be one the format does not define
 * @param shape the dimensions, possibly empty for a scalar
 * @param begin the start of its bytes, relative to the data region after the header
 * @param end   the end of its bytes (exclusive)
 */
public record TensorInfo(String name, String dtype, List<Long> shape, long begin, long end) {

    /** Checks that nothing is null and copies the shape. */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = List.copyOf(shape);
    }

    /**
     * The dtype, if the format defines it.
     *
     * @return the known dtype, or empty
     */
    public Optional<SafetensorsDtype> knownDtype() {
        return SafetensorsDtype.of(dtype);
    }

    /**
     * The number of elements: the product of the shape (1 for a scalar).
     *
     * @return the element count, or empty when a dimension is negative or the product overflows
     */
    public OptionalLong elementCount() {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                return OptionalLong.empty();
            }
            try {
                count = Math.multiplyExact(count, dimension);
            } catch (ArithmeticException overflow) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(count);
    }

    /**
     * The bits the shape and dtype need.
     *
     * @return the bit count, or empty when the dtype is unknown, the shape is invalid or it overflows
     */
    public OptionalLong expectedBits() {
        Optional<SafetensorsDtype> known = knownDtype();
        OptionalLong elements = elementCount();
        if (known.isEmpty() || elements.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.multiplyExact(elements.getAsLong(), known.get().bits()));
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
    }
}
