package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownFilesTest {

    @ParameterizedTest
    @CsvSource({
        "wan2.1_t2v_1.3B_fp16.safetensors, transformer:wan2.1-t2v-1.3b",
        "diffusion_models/wan/Wan2.1-T2V-14B-Q8_0.gguf, transformer:wan2.1-t2v-14b",
        "wan2.1_i2v_720p_14B_fp8_e4m3fn.safetensors, transformer:wan2.1-i2v-14b-720p",
        "wan2.2_ti2v_5B_fp16.safetensors, transformer:wan2.2-ti2v-5b",
        "wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors, transformer:wan2.2-t2v-a14b",
        "wan2.2_i2v_low_noise_14B_fp16.safetensors, transformer_2:wan2.2-i2v-a14b",
        "hunyuan_video_t2v_720p_bf16.safetensors, transformer:hunyuan-video-t2v",
        "hunyuan_video_v2_replace_image_to_video_720p_bf16.safetensors, transformer:hunyuan-video-i2v",
        "umt5_xxl_fp16.safetensors, umt5-xxl",
        "wan_2.1_vae.safetensors, wan2.1-vae",
        "wan2.2_vae.safetensors, wan2.2-vae",
        "clip_vision_h.safetensors, clip-vision-h",
        "llava_llama3_fp8_scaled.safetensors, llava-llama3",
        "llava_llama3_vision.safetensors, llava-llama3-vision",
        "clip_l.safetensors, clip-l",
        "hunyuan_video_vae_bf16.safetensors, hunyuan-video-vae",
    })
    void identifiesComfyUiFileNames(String file, String key) {
        assertThat(KnownFiles.identify(file)).map(KnownFiles.Part::key).contains(key);
    }

    @ParameterizedTest
    @CsvSource({"wan2.1_vace_1.3B_fp16.safetensors", "sd_xl_base_1.0.safetensors", "t5xxl_fp16.safetensors",
        "4x-UltraSharp.pth"})
    void leavesUnknownFilesUnidentified(String file) {
        assertThat(KnownFiles.identify(file)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"wan2.1_t2v_1.3B_fp16.safetensors, wan21t2v13bfp16", "vae/Wan-2.1 VAE.SFT, wan21vae",
        "notes.v2.txt, notesv2txt"})
    void compactsNamesToLettersAndDigitsWithoutTheWeightExtension(String file, String compact) {
        assertThat(KnownFiles.compact(file)).isEqualTo(compact);
    }
}
