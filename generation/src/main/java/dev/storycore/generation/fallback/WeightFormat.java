package dev.storycore.generation.fallback;

/** What a weight file is, judged by its first bytes rather than its name. */
public enum WeightFormat {
    /** Safetensors: an 8-byte little-endian header length, then a JSON header starting with '{'. */
    SAFETENSORS,
    /** GGUF (llama.cpp and ComfyUI-GGUF quantised models): starts with {@code GGUF}. */
    GGUF,
    /** A raw pickle stream (legacy {@code torch.save}), starting with 0x80 and a protocol byte. */
    PICKLE,
    /** The zip-based {@code torch.save} format, which holds a pickle; starts with {@code PK}. */
    TORCH_ZIP,
    /** A Git LFS pointer text file left where the weights should be. */
    LFS_POINTER,
    /** None of the above. */
    UNKNOWN
}
