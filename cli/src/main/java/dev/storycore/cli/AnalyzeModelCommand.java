package dev.storycore.cli;

import dev.storycore.generation.fallback.ComponentReport;
import dev.storycore.generation.fallback.ModelFolderAnalyzer;
import dev.storycore.generation.fallback.ModelFolderReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storycore analyze-model DIR}: what in a model folder is usable, missing, incomplete, corrupt or
 * unsafe, from file headers alone. Exit 0 when the folder is usable, 1 when it is not, 2 when DIR is not
 * a folder. JSON: {@code root}, {@code layout}, {@code pipeline}, {@code usable}, {@code components}
 * (each {@code name}, {@code status}, {@code problems}, {@code bytes}, {@code parameters}) and
 * {@code problems}.
 */
@Command(name = "analyze-model", mixinStandardHelpOptions = true,
        description = {"Check a model folder (diffusers, ComfyUI models/, Hugging Face cache) from file headers.",
            "Exit 0 when usable, 1 when not, 2 when DIR is not a folder."})
final class AnalyzeModelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The model folder.")
    private Path dir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        requireFolder(dir, "");
        ModelFolderReport report = ModelFolderAnalyzer.analyze(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            CliJson.print(out, json(report));
        } else {
            out.print(text(report));
        }
        return report.usable() ? StoryCore.OK : StoryCore.FAILED;
    }

    /** Refuses a path that does not exist or is not a folder, naming the option if there is one. */
    static void requireFolder(Path path, String option) {
        String prefix = option.isEmpty() ? "" : option + ": ";
        if (!Files.exists(path)) {
            throw new UsageException(prefix + "no such folder: " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(prefix + "not a folder: " + path);
        }
    }

    static Map<String, Object> json(ModelFolderReport report) {
        var json = new LinkedHashMap<String, Object>();
        json.put("root", report.root().toString());
        json.put("layout", report.layout().name());
        json.put("pipeline", report.pipeline());
        json.put("usable", report.usable());
        json.put("components", report.components().stream().map(AnalyzeModelCommand::component).toList());
        json.put("problems", report.problems());
        return json;
    }

    private static Map<String, Object> component(ComponentReport component) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", component.name());
        json.put("status", component.status().name());
        json.put("problems", component.problems());
        json.put("bytes", component.bytes());
        json.put("parameters", component.parameters());
        return json;
    }

    static String text(ModelFolderReport report) {
        var text = new StringBuilder();
        text.append("Folder    ").append(report.root()).append('\n');
        text.append("Layout    ").append(report.layout())
                .append(report.pipeline().isEmpty() ? "" : " (" + report.pipeline() + ")").append('\n');
        text.append("Usable    ").append(report.usable() ? "yes" : "no").append('\n');
        if (!report.components().isEmpty()) {
            var table = new TextTable("COMPONENT", "STATUS", "SIZE", "PARAMS", "PROBLEM");
            for (ComponentReport component : report.components()) {
                List<String> problems = component.problems();
                table.row(component.name(), component.status(), Sizes.bytes(component.bytes()),
                        Sizes.parameters(component.parameters()), problems.isEmpty() ? "" : problems.get(0));
                for (String more : problems.subList(Math.min(1, problems.size()), problems.size())) {
                    table.row("", "", "", "", more);
                }
            }
            text.append('\n').append(table.render(""));
        }
        if (!report.problems().isEmpty()) {
            text.append('\n');
            report.problems().forEach(problem -> text.append("Problem: ").append(problem).append('\n'));
        }
        return text.toString();
    }
}
