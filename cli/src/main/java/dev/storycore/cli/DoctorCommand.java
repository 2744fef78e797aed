package dev.storycore.cli;

import dev.storycore.comfyui.ComfyUiBackend;
import dev.storycore.comfyui.ComfyUiClient;
import dev.storycore.comfyui.ComfyUiConfig;
import dev.storycore.comfyui.ComfyUiDoctor;
import dev.storycore.comfyui.ComfyUiProtocolException;
import dev.storycore.comfyui.ComfyUiTimeoutException;
import dev.storycore.comfyui.ComfyUiUnavailableException;
import dev.storycore.comfyui.DoctorReport;
import dev.storycore.comfyui.TemplateCatalog;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storycore doctor --backend URL}: what a ComfyUI server runs (versions, GPU, VRAM), which
 * workflow templates can run there, and how to get what is missing. Exit 0 when the server answered,
 * whatever it lacks; 1 when it cannot be reached; 2 for an address that is not an http(s) URL.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check a ComfyUI server: versions, GPU, and which workflow templates can run there.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", required = true, paramLabel = "URL",
            description = "The ComfyUI server, e.g. http://127.0.0.1:8188.")
    private String backend;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        URI server;
        try {
            server = ComfyUiBackend.parseServer(backend);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DoctorReport report;
        try (ComfyUiClient client = ComfyUiClient.create(ComfyUiConfig.builder(server).build())) {
            report = ComfyUiDoctor.examine(client, TemplateCatalog.builtIn());
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException | ComfyUiProtocolException e) {
            spec.commandLine().getErr().println("storycore: cannot check ComfyUI at " + server + ": "
                    + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            return StoryCore.FAILED;
        }
        var out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, DoctorOutput.json(report));
        } else {
            out.print(DoctorOutput.text(report));
        }
        return StoryCore.OK;
    }
}
