package dev.storycore.generation.request;

/**
 * The number format of the diffusion model's weights. Text encoders and the VAE stay 16-bit.
 * Quality rank per the Wan authors: fp16 &gt; bf16 &gt; fp8.
 */
public enum Precision {
    /** bfloat16, the default; Wan's {@code --convert_model_dtype} converts to it. */
    BF16,
    /** float16; same memory as bf16, overflows to NaN more easily. */
    FP16,
    /** 8-bit float weights ({@code fp8_e4m3fn}, HunyuanVideo {@code --use-fp8}); about 40 % less weight memory. */
    FP8
}
