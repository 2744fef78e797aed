package dev.storycore.generation.hardware;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses bf16 and FP8 support from a device name when only the name is known (a ComfyUI
 * {@code /system_stats} reply). Presets win when the name matches one; otherwise the generation
 * is read from the model number.
 */
final class GpuCapabilities {

    private static final Pattern NATIVE_FP8 = Pattern.compile(
            "rtx ?[45]0\\d0|\\bl4\\b|\\bl40|\\bh1\\d\\d|\\bh200|\\bh20\\b|\\bgh200"
                    + "|\\bb[12]00|\\bgb200|rtx \\d+ ada|rtx pro");
    private static final Pattern NO_BF16 = Pattern.compile(
            "\\bgtx\\b|rtx ?20\\d0|titan|quadro|\\bt4\\b|\\bv100|\\bp100|\\bp40\\b|\\bk80\\b|\\bm60\\b");

    private GpuCapabilities() {
    }

    static GpuProfile fromName(String deviceName, long vramBytes) {
        var preset = GpuPresets.find(deviceName);
        if (preset.isPresent()) {
            return new GpuProfile(preset.get().id(), deviceName, vramBytes, preset.get().bf16(), preset.get().fp8(),
                    preset.get().computeCapability());
        }
        String name = deviceName.toLowerCase(Locale.ROOT);
        boolean bf16 = !NO_BF16.matcher(name).find();
        boolean fp8 = bf16 && NATIVE_FP8.matcher(name).find();
        return new GpuProfile("detected", deviceName, vramBytes, bf16, fp8, "");
    }
}
