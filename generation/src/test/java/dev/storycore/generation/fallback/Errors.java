package dev.storycore.generation.fallback;

import dev.storycore.generation.errors.ErrorDetails;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.resilience.Severity;
import java.util.List;

/** Classified errors built by hand, as the classifier would produce them. */
final class Errors {

    private Errors() {
    }

    static GenerationError of(GenerationErrorCategory category, String message) {
        return new GenerationError(category, category.usualDisposition(), Severity.HIGH, category.name(), message,
                List.of(), ErrorDetails.NONE);
    }

    /** ComfyUI's allocation report: 14.81 GiB allocated, 320 MiB requested, a 15.92 GiB device. */
    static GenerationError outOfMemory() {
        var details = new ErrorDetails(GpuProfile.bytes(0.3125), GpuProfile.bytes(15.92), 0, GpuProfile.bytes(14.81),
                "KSampler", "torch.OutOfMemoryError", "");
        return new GenerationError(GenerationErrorCategory.MEMORY_MANAGEMENT,
                GenerationErrorCategory.MEMORY_MANAGEMENT.usualDisposition(), Severity.HIGH, "GPU_OOM",
                "Allocation on device 0 would exceed allowed memory.", List.of(), details);
    }
}
