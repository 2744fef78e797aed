package dev.storycore.cli;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import picocli.CommandLine.Option;

/**
 * {@code --gpu NAME} or {@code --vram GB}, one at most. With neither, the default is a 16 GB RTX 4080
 * ({@link GpuPresets#DEFAULT}), a common creator card.
 */
final class GpuChoice {

    @Option(names = "--gpu", paramLabel = "NAME",
            description = "A preset GPU: 4090, rtx-4080, a100-80, h100 ... (see `storycore gpus`;"
                    + " default rtx-4080, 16 GB).")
    String name;

    @Option(names = "--vram", paramLabel = "GB", description = "A GPU with this much memory in GB (GiB).")
    Double vram;

    static GpuProfile resolve(GpuChoice choice) {
        if (choice == null) {
            return GpuPresets.DEFAULT;
        }
        if (choice.name != null) {
            try {
                return GpuPresets.require(choice.name);
            } catch (GenerationException e) {
                throw new UsageException(e.getMessage());
            }
        }
        try {
            return GpuProfile.ofVram(choice.vram);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--vram " + e.getMessage().replaceFirst("^vram ", ""));
        }
    }
}
