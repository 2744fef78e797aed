package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.backend.sim.VirtualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosBenchTest {

    static final String LAST_LINE = "chaos (none|mild|harsh): delivered ours=\\d+\\.\\d% naive=\\d+\\.\\d% "
            + "gpu-tier ours=\\d+\\.\\d% wasted-gpu-s ours=\\d+\\.\\d naive=\\d+\\.\\d";

    @TempDir
    Path dir;

    @Test
    void theGeneratedStoryboardMixesWorkflowsAndRepeatsWithItsSeed() {
        var first = ChaosStoryboard.generate(40, 7, dir.resolve("a"));
        var again = ChaosStoryboard.generate(40, 7, dir.resolve("b"));

        assertThat(first.shots()).hasSize(40);
        assertThat(first.shots().stream().map(s -> s.request().workflow()).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(again.shots()).extracting(s -> s.request().summary())
                .containsExactlyElementsOf(first.shots().stream().map(s -> s.request().summary()).toList());
    }

    @Test
    void endsWithTheFixedSummaryLine() {
        var result = ChaosBench.run(6, "harsh", 3, GpuPresets.DEFAULT, dir, options -> {
            var time = new VirtualClock();
            return new BackendFactory.Backends(new ScriptedBackend("scripted-gpu", true),
                    new ScriptedBackend("scripted-cpu", false), time, time.sleeper(), java.util.Optional.empty());
        });

        String text = ChaosBench.render(result);

        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).matches(LAST_LINE);
        assertThat(ChaosBench.lastLine(result))
                .isEqualTo("chaos harsh: delivered ours=100.0% naive=100.0% gpu-tier ours=100.0% "
                        + "wasted-gpu-s ours=0.0 naive=0.0");
    }
}
