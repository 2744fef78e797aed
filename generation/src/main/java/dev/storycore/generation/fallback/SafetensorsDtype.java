package dev.storycore.generation.fallback;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The element types a safetensors header may name, with their size in bits, as the format's
 * reference implementation defines them. Sub-byte types (F4, F6_*) are packed: a tensor of them must
 * hold a whole number of bytes.
 *
 * <p>Sizes: 64 bits for F64, I64, U64 and C64 (two 32-bit parts); 32 for F32, I32, U32; 16 for F16,
 * BF16, I16, U16; 8 for I8, U8, BOOL and every F8 variant; 6 for F6_E2M3 and F6_E3M2; 4 for F4.
 */
public enum SafetensorsDtype {
    /** 64-bit float. */
    F64(64),
    /** 32-bit float. */
    F32(32),
    /** IEEE half precision. */
    F16(16),
    /** Brain float. */
    BF16(16),
    /** 64-bit signed integer. */
    I64(64),
    /** 32-bit signed integer. */
    I32(32),
    /** 16-bit signed integer. */
    I16(16),
    /** 8-bit signed integer. */
    I8(8),
    /** 64-bit unsigned integer. */
    U64(64),
    /** 32-bit unsigned integer. */
    U32(32),
    /** 16-bit unsigned integer. */
    U16(16),
    /** 8-bit unsigned integer. */
    U8(8),
    /** Boolean, one byte each. */
    BOOL(8),
    /** FP8 with 4 exponent and 3 mantissa bits (ComfyUI's {@code fp8_e4m3fn} files). */
    F8_E4M3(8),
    /** FP8 with 5 exponent and 2 mantissa bits. */
    F8_E5M2(8),
    /** FP8 scale type of the OCP microscaling formats. */
    F8_E8M0(8),
    /** FP8 E4M3 without negative zero. */
    F8_E4M3FNUZ(8),
    /** FP8 E5M2 without negative zero. */
    F8_E5M2FNUZ(8),
    /** MX FP6 with 2 exponent and 3 mantissa bits. */
    F6_E2M3(6),
    /** MX FP6 with 3 exponent and 2 mantissa bits. */
    F6_E3M2(6),
    /** MX FP4. */
    F4(4),
    /** Complex number of two 32-bit floats. */
    C64(64);

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    /**
     * The size of one element.
     *
     * @return bits per element
     */
    public int bits() {
        return bits;
    }

    /**
     * Looks a header's dtype name up; names are case-sensitive, as in the format.
     *
     * @param name the name from the header, e.g. {@code BF16}
     * @return the dtype, or empty when the name is not one the format defines
     */
    public static Optional<SafetensorsDtype> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static final Map<String, SafetensorsDtype> BY_NAME = byName();

    private static Map<String, SafetensorsDtype> byName() {
        Map<String, SafetensorsDtype> map = new HashMap<>();
        for (SafetensorsDtype dtype : values()) {
            map.put(dtype.name(), dtype);
        }
        return Map.copyOf(map);
    }
}
