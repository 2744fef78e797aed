package dev.storycore.cli;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storycore gpus}: the preset GPUs, smallest first, and which one commands assume by default. */
@Command(name = "gpus", mixinStandardHelpOptions = true, description = "List the preset GPUs.")
final class GpusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, GpuPresets.all().stream().map(GpusCommand::json).toList());
            return StoryCore.OK;
        }
        var table = new TextTable("ID", "NAME", "VRAM", "BF16", "FP8", "CC");
        for (GpuProfile gpu : GpuPresets.all()) {
            table.row(gpu.id() + (gpu.equals(GpuPresets.DEFAULT) ? " *" : ""), gpu.name(),
                    GpuProfile.formatGb(gpu.vramGb()) + " GB", yes(gpu.bf16()), yes(gpu.fp8()),
                    gpu.computeCapability());
        }
        out.print(table.render(""));
        out.println("* default when a command names no GPU; GB = GiB; FP8 = native FP8 tensor cores");
        return StoryCore.OK;
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }

    private static Map<String, Object> json(GpuProfile gpu) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", gpu.id());
        json.put("name", gpu.name());
        json.put("vramGb", gpu.vramGb());
        json.put("bf16", gpu.bf16());
        json.put("fp8", gpu.fp8());
        json.put("computeCapability", gpu.computeCapability());
        json.put("default", gpu.equals(GpuPresets.DEFAULT));
        return json;
    }
}
